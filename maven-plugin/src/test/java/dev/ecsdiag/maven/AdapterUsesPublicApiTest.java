package dev.ecsdiag.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin is a thin adapter: it reaches the core only through the job and the settings a front
 * end hands in, never the stages behind it (collection, ECS access, report), as the command line.
 */
class AdapterUsesPublicApiTest {

    @Test
    void thePluginCallsOnlyThePublicApi() {
        JavaClasses plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ecsdiag.maven");
        noClasses().that().resideInAPackage("dev.ecsdiag.maven")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ecsdiag.collect..", "dev.ecsdiag.ecs..",
                        "dev.ecsdiag.report..", "dev.ecsdiag.classify..", "com.aliyuncs..")
                .because("front ends run dev.ecsdiag.job.DiagnosticsJob; the stages behind it are the core's own")
                .check(plugin);
    }
}
