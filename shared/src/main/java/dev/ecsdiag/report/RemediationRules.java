package dev.ecsdiag.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The knowledge base of remediation hints: rules as data, matched against crashes, findings and
 * boot failures. The built-in rules live in {@code remediation-rules.json} beside this class; user
 * rules files have the same format and come first, so a team's own knowledge wins (as in Jenkins'
 * Build Failure Analyzer). docs/report.md describes the format.
 */
public final class RemediationRules {

    /** What a rule is matched against. */
    public record Subject(String type, List<String> titles, List<String> frames) {
    }

    private record Rule(String id, Pattern title, Pattern type, Pattern frame, boolean keepLooking, Hint hint) {

        boolean matches(Subject s) {
            if (title != null && s.titles().stream().noneMatch(t -> t != null && title.matcher(t).find())) {
                return false;
            }
            if (type != null && (s.type() == null || !type.matcher(s.type()).find())) {
                return false;
            }
            return frame == null || s.frames().stream().anyMatch(f -> f != null && frame.matcher(f).find());
        }
    }

    public static final String BUILT_IN = "built-in";
    private static final String RESOURCE = "remediation-rules.json";

    private final List<Rule> rules;

    private RemediationRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * User rules (in the order given) followed by the built-in ones. A user file that cannot be read
     * or parsed, or a rule in it that is malformed, is reported to {@code warnings} and left out;
     * the rest still apply.
     */
    public static RemediationRules load(List<Path> userFiles, Consumer<String> warnings) {
        ObjectMapper json = new ObjectMapper();
        List<Rule> all = new ArrayList<>();
        for (Path file : userFiles) {
            try {
                all.addAll(parse(json.readTree(file.toFile()), file.toString(), warnings));
            } catch (IOException e) {
                warnings.accept("rules file " + file + " was not used: " + e.getMessage());
            }
        }
        try (InputStream in = RemediationRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in " + RESOURCE + " is missing from the class path");
            }
            all.addAll(parse(json.readTree(in), BUILT_IN, w -> {
                throw new IllegalStateException("built-in rules are broken: " + w);
            }));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in " + RESOURCE, e);
        }
        return new RemediationRules(all);
    }

    public static RemediationRules builtIn() {
        return load(List.of(), w -> { });
    }

    public int size() {
        return rules.size();
    }

    /**
     * Hints of the matching rules, in rule order: the first matching rule ends the search unless it
     * says {@code "continue": true}, so a specific rule (hung task in jbd2) is not followed by the
     * generic one (any hung task), and a user rule can either replace or add to the built-in hint.
     */
    public List<Hint> match(Subject subject) {
        List<Hint> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (!seen.contains(rule.id()) && rule.matches(subject)) {
                seen.add(rule.id());
                out.add(rule.hint());
                if (!rule.keepLooking()) {
                    break;
                }
            }
        }
        return out;
    }

    private static List<Rule> parse(JsonNode root, String source, Consumer<String> warnings) {
        List<Rule> out = new ArrayList<>();
        JsonNode list = root == null ? null : root.get("rules");
        if (list == null || !list.isArray()) {
            warnings.accept("rules file " + source + " has no \"rules\" array; it was not used");
            return out;
        }
        int index = 0;
        for (JsonNode node : list) {
            index++;
            String where = source + " rule " + index;
            String id = text(node, "id");
            String cause = text(node, "cause");
            String hint = text(node, "hint");
            JsonNode match = node.get("match");
            if (id == null || cause == null || hint == null || match == null || !match.isObject()) {
                warnings.accept(where + " was skipped: it needs \"id\", \"match\", \"cause\" and \"hint\"");
                continue;
            }
            try {
                Pattern title = pattern(match, "title");
                Pattern type = pattern(match, "type");
                Pattern frame = pattern(match, "frame");
                if (title == null && type == null && frame == null) {
                    warnings.accept(where + " (" + id + ") was skipped: \"match\" needs \"title\", \"type\" or \"frame\"");
                    continue;
                }
                out.add(new Rule(id, title, type, frame, node.path("continue").asBoolean(false), new Hint(id, cause, hint, text(node, "link"), source)));
            } catch (PatternSyntaxException e) {
                warnings.accept(where + " (" + id + ") was skipped: bad regular expression: " + e.getDescription()
                        + " in " + e.getPattern());
            }
        }
        return out;
    }

    private static Pattern pattern(JsonNode match, String field) {
        String regex = text(match, field);
        return regex == null ? null : Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}
