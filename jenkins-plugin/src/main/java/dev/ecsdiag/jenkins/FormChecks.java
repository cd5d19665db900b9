package dev.ecsdiag.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.Hint;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Setting;
import dev.ecsdiag.job.ConnectionCheck;
import dev.ecsdiag.job.JobRequest;
import dev.ecsdiag.job.RunOutcome;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.function.Supplier;
import jenkins.model.Jenkins;

/**
 * The forms' Jenkins side: who may ask (configure permission on the job, administer on the global
 * page), and the core's answers as {@link FormValidation}. The answers themselves come from
 * {@link FieldChecks} and the core.
 */
final class FormChecks {

    private FormChecks() {
    }

    /** Configure on the job; without a job (the global page), administer Jenkins. */
    static boolean mayConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    static FormValidation forItem(Item item, Supplier<String> check) {
        if (!mayConfigure(item)) {
            return FormValidation.ok(); // say nothing to who may not configure
        }
        String problem = check.get();
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    static FormValidation adminOnly(Supplier<String> check) {
        return forItem(null, check);
    }

    static ListBoxModel credentialsItems(Item item, String current) {
        StandardListBoxModel model = new StandardListBoxModel();
        if (!mayConfigure(item)) {
            model.includeCurrentValue(current == null ? "" : current);
            return model;
        }
        model.includeEmptyValue()
                .includeAs(ACL.SYSTEM2, item, StandardUsernamePasswordCredentials.class)
                .includeCurrentValue(current == null ? "" : current);
        return model;
    }

    static Credentials credentialsFor(Item item, String id) {
        StandardUsernamePasswordCredentials c = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(StandardUsernamePasswordCredentials.class, item, ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(id));
        if (c == null) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, Setting.ACCESS_KEY_ID,
                    "no username/password credentials with ID '" + id + "'");
        }
        return Credentials.of(c.getUsername(), c.getPassword().getPlainText(), null);
    }

    static FormValidation connection(JobRequest request) {
        ConnectionCheck.Result r = new ConnectionCheck().run(request);
        String text = connectionText(r);
        if (r.outcome() != RunOutcome.COMPLETED) {
            return FormValidation.error(text);
        }
        return r.matching() == 0 ? FormValidation.warning(text) : FormValidation.ok(text);
    }

    static String connectionText(ConnectionCheck.Result r) {
        StringBuilder sb = new StringBuilder(r.message());
        for (Hint h : r.hints()) {
            sb.append(". ").append(h.render(SettingNames::of));
        }
        return sb.toString();
    }
}
