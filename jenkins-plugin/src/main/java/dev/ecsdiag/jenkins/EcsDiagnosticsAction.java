package dev.ecsdiag.jenkins;

import hudson.model.Run;
import jenkins.model.RunAction2;

/**
 * The build page's summary box and the "ECS crash forensics" page: verdicts, crash groups and
 * thumbnails, linking to the archived report. Kept in build.xml with its {@link ReportModel}.
 */
public final class EcsDiagnosticsAction implements RunAction2 {

    static final String URL_NAME = "ecsdiag";

    private final ReportModel model;
    private transient Run<?, ?> run;

    public EcsDiagnosticsAction(ReportModel model) {
        this.model = model;
    }

    public ReportModel getModel() {
        return model;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public String getIconFileName() {
        return "symbol-terminal";
    }

    @Override
    public String getDisplayName() {
        return "ECS crash forensics";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    /** For summary.jelly; {@code rootURL} is Jenkins' base URL as the view knows it. */
    public String summaryHtml(String rootURL) {
        String build = rootURL + "/" + run.getUrl();
        return ReportHtml.summary(model, artifacts(build), build + URL_NAME + "/");
    }

    /** For index.jelly. */
    public String pageHtml(String rootURL) {
        return ReportHtml.page(model, artifacts(rootURL + "/" + run.getUrl()));
    }

    /** The archived output folder under a build's URL (which ends in '/'). */
    static String artifacts(String buildUrl) {
        return buildUrl + "artifact/" + StepRequest.FOLDER + "/";
    }
}
