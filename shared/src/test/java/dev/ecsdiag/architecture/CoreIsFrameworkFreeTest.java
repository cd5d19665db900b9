package dev.ecsdiag.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core must run anywhere: a Jenkins controller, a Maven build, a terminal. It therefore
 * imports nothing from Jenkins, Stapler or Maven, and the adapters sit on top of it.
 */
class CoreIsFrameworkFreeTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ecsdiag");

    @Test
    void coreImportsNoJenkinsOrMaven() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..",
                        "org.apache.maven..", "org.codehaus.plexus..", "org.eclipse.aether..")
                .because("shared/ is the framework-free core; adapters live in their own modules")
                .check(CORE);
    }

    @Test
    void classifierDoesNotReachForTheNetworkOrTheCloud() {
        noClasses().that().resideInAPackage("dev.ecsdiag.classify..")
                .should().dependOnClassesThat().resideInAnyPackage("com.aliyuncs..", "dev.ecsdiag.collect..", "dev.ecsdiag.ecs..")
                .because("classification is a pure function of the console bytes")
                .check(CORE);
    }
}
