package dev.ecsdiag.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The classifier is the lowest layer of the core and a pure function of the console bytes: it
 * knows nothing of the layers above it, and its own packages form no cycle. Inside it,
 * {@code classify} (the analyzers) sits on {@code classify.crash} (reading one crash report),
 * which sits on {@code classify.text} (normalised console lines).
 */
class ClassifierArchitectureTest {

    private static final String CLASSIFY = "dev.ecsdiag.classify";

    private static final JavaClasses CLASSIFIER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CLASSIFY);

    /** One slice per package of the classifier, its root package included. */
    private static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals(CLASSIFY) || pkg.startsWith(CLASSIFY + ".") ? SliceIdentifier.of(pkg)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of " + CLASSIFY;
        }
    };

    @Test
    void classifierPackagesFormNoCycle() {
        slices().assignedFrom(PACKAGES).should().beFreeOfCycles()
                .because("each package of the classifier can be read and changed knowing only those below it")
                .check(CLASSIFIER);
    }

    @Test
    void classifierImportsNothingFromTheLayersAboveIt() {
        noClasses().that().resideInAPackage(CLASSIFY + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ecsdiag.ecs..", "dev.ecsdiag.collect..", "dev.ecsdiag.report..", "dev.ecsdiag.job..")
                .because("collection, reports and the job use the classifier, never the other way round")
                .check(CLASSIFIER);
    }

    /**
     * Caches belong to a classifier instance ({@code ParserMemory}), never to the JVM: on a Jenkins
     * controller many jobs share one. Static fields hold only tables built once; a static
     * thread-local or concurrent map is a cache in disguise.
     */
    @Test
    void classifierKeepsNoJvmWideState() {
        fields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage(CLASSIFY + "..")
                .should().beFinal()
                .check(CLASSIFIER);
        noFields().that().areStatic().and().areDeclaredInClassesThat().resideInAPackage(CLASSIFY + "..")
                .should().haveRawType(ThreadLocal.class)
                .orShould().haveRawType(java.util.concurrent.ConcurrentMap.class)
                .orShould().haveRawType(java.util.concurrent.ConcurrentHashMap.class)
                .check(CLASSIFIER);
    }

    @Test
    void classifierPackagesDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("analyzers").definedBy(CLASSIFY)
                .layer("crash reports").definedBy(CLASSIFY + ".crash..")
                .layer("console text").definedBy(CLASSIFY + ".text..")
                .whereLayer("analyzers").mayNotBeAccessedByAnyLayer()
                .whereLayer("crash reports").mayOnlyBeAccessedByLayers("analyzers")
                .whereLayer("console text").mayOnlyBeAccessedByLayers("analyzers", "crash reports")
                .check(CLASSIFIER);
    }
}
