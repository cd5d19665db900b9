package dev.ecsdiag.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's layers, as analysis-model's PackageArchitectureTest keeps its own: each package
 * depends only on the ones below it, the Alibaba SDK is seen by {@code ecs} alone, and no package
 * sets JVM-wide state.
 *
 * <pre>
 *   job        the one entry point for front ends
 *   report     html, json, junit, markdown
 *   collect    retrieval: instances, fetch, classify each console, verdicts
 *   screen     a screenshot read as text and classified (a second source beside the console)
 *   ecs        the Alibaba SDK behind the core's own records
 *   classify   pure: console text in, crashes, boots, findings out
 *   config     credentials, settings, progress sink: what a front end hands in
 * </pre>
 */
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("ecs-emulator"))
            .importPackages("dev.ecsdiag.config", "dev.ecsdiag.classify", "dev.ecsdiag.ecs", "dev.ecsdiag.collect",
                    "dev.ecsdiag.report", "dev.ecsdiag.job", "dev.ecsdiag.screen");

    @Test
    void eachLayerDependsOnlyOnTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("job").definedBy("dev.ecsdiag.job..")
                .layer("report").definedBy("dev.ecsdiag.report..")
                .layer("collect").definedBy("dev.ecsdiag.collect..")
                .layer("screen").definedBy("dev.ecsdiag.screen..")
                .layer("ecs").definedBy("dev.ecsdiag.ecs..")
                .layer("classify").definedBy("dev.ecsdiag.classify..")
                .layer("config").definedBy("dev.ecsdiag.config..")
                .whereLayer("job").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("job")
                .whereLayer("collect").mayOnlyBeAccessedByLayers("report", "job")
                .whereLayer("screen").mayOnlyBeAccessedByLayers("collect", "report", "job")
                .whereLayer("ecs").mayOnlyBeAccessedByLayers("collect", "report", "job")
                .whereLayer("classify").mayOnlyBeAccessedByLayers("screen", "collect", "report", "job")
                .whereLayer("config").mayOnlyBeAccessedByLayers("ecs", "collect", "report", "job")
                .because("data flows one way: which instances -> fetch -> classify -> report -> the job's result")
                .check(CORE);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.ecsdiag.(**)").should().beFreeOfCycles()
                .because("each stage can be read and tested on its own")
                .check(CORE);
    }

    @Test
    void onlyEcsSeesTheAlibabaSdk() {
        noClasses().that().resideOutsideOfPackage("dev.ecsdiag.ecs..")
                .should().dependOnClassesThat().resideInAnyPackage("com.aliyuncs..", "com.aliyun..")
                .because("ecs returns the core's own records; the SDK's types stop there")
                .check(CORE);
    }

    @Test
    void nothingSetsJvmWideState() {
        noClasses().should().callMethod(System.class, "setProperty", String.class, String.class)
                .orShould().callMethod(System.class, "setProperties", java.util.Properties.class)
                .orShould().callMethod(System.class, "clearProperty", String.class)
                .because("a Jenkins controller or a Maven build runs many jobs in one JVM: its settings are not ours")
                .check(CORE);
    }
}
