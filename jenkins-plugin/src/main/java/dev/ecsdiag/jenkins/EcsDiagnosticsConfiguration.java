package dev.ecsdiag.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults every step falls back to when it leaves a field empty: region, endpoint, credentials.
 * Set once in "Manage Jenkins » System", or by Configuration as Code under
 * {@code unclassified: ecsDiagnostics:}.
 */
@Extension
@Symbol("ecsDiagnostics")
public class EcsDiagnosticsConfiguration extends GlobalConfiguration {

    private String region;
    private String endpoint;
    private String credentialsId;

    public EcsDiagnosticsConfiguration() {
        load();
    }

    public static EcsDiagnosticsConfiguration get() {
        return ExtensionList.lookupSingleton(EcsDiagnosticsConfiguration.class);
    }

    StepRequest.Defaults defaults() {
        return new StepRequest.Defaults(region, endpoint, credentialsId);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "ECS crash forensics";
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = StepRequest.blankToNull(region);
        save();
    }

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = StepRequest.blankToNull(endpoint);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = StepRequest.blankToNull(credentialsId);
        save();
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        return FormChecks.credentialsItems(null, credentialsId);
    }

    @POST
    public FormValidation doCheckRegion(@QueryParameter String value) {
        return FormChecks.adminOnly(() -> FieldChecks.region(value, true));
    }

    @POST
    public FormValidation doCheckEndpoint(@QueryParameter String value) {
        return FormChecks.adminOnly(() -> FieldChecks.endpoint(value));
    }
}
