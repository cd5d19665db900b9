package dev.ecsdiag.jenkins;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin stays a thin adapter: only the classes Jenkins calls touch Jenkins' API, the rest is
 * plain Java a test runs without Jenkins, and the work itself is the core's.
 */
class ThinAdapterTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.ecsdiag.jenkins");

    private static final String[] JENKINS = {"hudson..", "jenkins..", "org.kohsuke.stapler..", "com.cloudbees.plugins.credentials..",
            "org.jenkinsci..", "org.springframework.."};

    @Test
    void onlyTheClassesJenkinsCallsTouchJenkins() {
        classes().that().resideInAPackage("dev.ecsdiag.jenkins")
                .and().haveNameNotMatching("dev\\.ecsdiag\\.jenkins\\.(EcsDiagnostics\\w*|FormChecks|CollectOnAgent)(\\$.*)?")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages(JENKINS)
                .because("the request, console lines, page and form answers are tested without Jenkins")
                .check(PLUGIN);
    }

    @Test
    void noStaticJenkinsInstanceLookups() {
        noClasses().should().callMethod("jenkins.model.Jenkins", "getInstance")
                .orShould().callMethod("jenkins.model.Jenkins", "getInstanceOrNull")
                .check(PLUGIN);
    }

    @Test
    void theCoreIsReachedOnlyThroughItsFrontEndPackages() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.ecsdiag.collect..", "dev.ecsdiag.ecs..",
                        "dev.ecsdiag.report..")
                .because("front ends call the job (dev.ecsdiag.job) and its configuration (dev.ecsdiag.config)")
                .check(PLUGIN);
    }
}
