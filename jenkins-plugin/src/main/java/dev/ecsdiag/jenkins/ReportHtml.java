package dev.ecsdiag.jenkins;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The build page's fragments, written from the model so that a test can read them without Jenkins.
 * Every text from the run (crash titles and reasons come from the console, which whoever controls
 * the instance controls) is escaped; links are built from path segments, each percent-encoded. No
 * script and no inline style, so the page holds under Jenkins' Content-Security-Policy. The Jelly
 * views only place these fragments in Jenkins' layout.
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    /**
     * The summary box on the build page: verdict counts, crash titles grouped by signature.
     *
     * @param artifacts URL of the archived output folder, ending in '/'
     * @param page      URL of the action's own page
     */
    public static String summary(ReportModel m, String artifacts, String page) {
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"ecsdiag-summary\">");
        h.append("<p><a href=\"").append(esc(page)).append("\">").append(esc(m.getHeadline())).append("</a></p>");
        if (!m.getMessage().isEmpty()) {
            h.append("<p class=\"ecsdiag-message\">").append(esc(m.getMessage())).append("</p>");
        }
        if (!m.getGroups().isEmpty()) {
            h.append("<ul class=\"ecsdiag-groups\">");
            for (ReportModel.Group g : m.getGroups()) {
                h.append("<li>").append(g.getInstances().size()).append(" × <code>").append(esc(g.getTitle())).append("</code>");
                if (g.getHistory() != null) {
                    h.append(" <em>(").append(esc(g.getHistory())).append(")</em>");
                }
                h.append("</li>");
            }
            h.append("</ul>");
        }
        if (m.getReportIndex() != null) {
            h.append("<p><a href=\"").append(esc(artifacts + path(m.getReportIndex()))).append("\">Full report</a></p>");
        }
        return h.append("</div>").toString();
    }

    /** The action's page: counts, groups, then one row per instance with its screenshot's thumbnail. */
    public static String page(ReportModel m, String artifacts) {
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"ecsdiag-page\">");
        h.append("<p>").append(esc(m.getHeadline())).append("</p>");
        if (!m.getMessage().isEmpty()) {
            h.append("<p class=\"ecsdiag-message\">").append(esc(m.getMessage())).append("</p>");
        }
        if (!m.getDecision().isEmpty()) {
            h.append("<p class=\"ecsdiag-decision\">").append(esc(m.getDecision())).append("</p>");
        }
        if (m.getReportIndex() != null) {
            h.append("<p><a href=\"").append(esc(artifacts + path(m.getReportIndex()))).append("\">Full report (index.html)</a></p>");
        }
        if (!m.getCounts().isEmpty()) {
            h.append("<ul class=\"ecsdiag-counts\">");
            for (Map.Entry<String, Integer> e : m.getCounts().entrySet()) {
                h.append("<li>").append(esc(e.getKey())).append(": ").append(e.getValue()).append("</li>");
            }
            h.append("</ul>");
        }
        if (!m.getGroups().isEmpty()) {
            h.append("<h2>Crashes</h2><table class=\"jenkins-table ecsdiag-groups\"><thead><tr><th>Instances</th><th>Title</th><th>Type</th></tr></thead><tbody>");
            for (ReportModel.Group g : m.getGroups()) {
                h.append("<tr><td>").append(esc(String.join(", ", g.getInstances()))).append("</td><td><code>")
                        .append(esc(g.getTitle())).append("</code>");
                if (g.getHistory() != null) {
                    h.append(" <em>(").append(esc(g.getHistory())).append(")</em>");
                }
                h.append("</td><td>").append(esc(g.getType())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<h2>Instances</h2><table class=\"jenkins-table ecsdiag-instances\"><thead><tr>")
                .append("<th>Instance</th><th>Verdict</th><th>Why</th><th>Screenshot</th></tr></thead><tbody>");
        for (ReportModel.Instance i : m.getInstances()) {
            h.append("<tr class=\"ecsdiag-").append(esc(i.getVerdict())).append("\"><td>").append(esc(i.getId()));
            if (i.getName() != null) {
                h.append("<br/>").append(esc(i.getName()));
            }
            h.append("</td><td>").append(esc(i.getVerdict())).append("</td><td>").append(esc(i.getReason()));
            if (i.getPlatformEvent() != null) {
                h.append("<br/>platform event: ").append(esc(i.getPlatformEvent()));
            }
            h.append("</td><td>");
            if (i.getThumbnail() != null || i.getScreenshot() != null) {
                String full = artifacts + path(i.getScreenshot() != null ? i.getScreenshot() : i.getThumbnail());
                String shown = artifacts + path(i.getThumbnail() != null ? i.getThumbnail() : i.getScreenshot());
                h.append("<a href=\"").append(esc(full)).append("\"><img class=\"ecsdiag-thumbnail\" src=\"").append(esc(shown))
                        .append("\" alt=\"screenshot of ").append(esc(i.getId())).append("\" height=\"120\"/></a>");
            }
            h.append("</td></tr>");
        }
        for (String id : m.getNotFound()) {
            h.append("<tr><td>").append(esc(id)).append("</td><td>not found</td><td></td><td></td></tr>");
        }
        h.append("</tbody></table>");
        return h.append("</div>").toString();
    }

    /** A relative path as a URL path: each segment percent-encoded, so no segment can add a scheme, query or fragment. */
    static String path(String relative) {
        StringBuilder sb = new StringBuilder();
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : "/").append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }

    /** Text and attribute values: the five XML specials, and control characters a console may hold. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        sb.append('\uFFFD'); // not allowed in XML, even escaped
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
