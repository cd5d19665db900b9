package dev.ecsdiag.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The command line is a thin adapter: it reaches the core only through its public API (the job,
 * the settings a front end hands in, and the classifier for {@code classify}), never the stages
 * behind it, so that the Maven and Jenkins adapters can do everything it does.
 */
class AdapterUsesPublicApiTest {

    @Test
    void theCommandLineCallsOnlyThePublicApi() {
        JavaClasses cli = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ecsdiag.cli");
        noClasses().that().resideInAPackage("dev.ecsdiag.cli")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ecsdiag.collect..", "dev.ecsdiag.ecs..",
                        "dev.ecsdiag.report..", "com.aliyuncs..")
                .because("front ends run dev.ecsdiag.job.DiagnosticsJob; the stages behind it are the core's own")
                .check(cli);
    }
}
