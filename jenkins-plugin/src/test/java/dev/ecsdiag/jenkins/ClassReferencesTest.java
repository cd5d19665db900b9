package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The constant-pool reader the .hpi's completeness test relies on finds what a class really uses. */
class ClassReferencesTest {

    @Test
    void findsSuperclassesDescriptorTypesAndGenericsButNotStringConstants() throws Exception {
        Set<String> refs = ClassReferences.of(Files.readAllBytes(Path.of("target/classes/dev/ecsdiag/jenkins/EcsDiagnosticsRecorder.class")));

        assertThat(refs).contains("hudson/tasks/Recorder", "jenkins/tasks/SimpleBuildStep", // supertypes
                "hudson/EnvVars", "hudson/FilePath", // only in a method descriptor
                "dev/ecsdiag/job/JobRequest", "java/lang/String");
        assertThat(refs).noneSatisfy(r -> assertThat(r).contains(" ").startsWith("L"));

        Set<String> fieldGenerics = ClassReferences.of(Files.readAllBytes(Path.of("target/classes/dev/ecsdiag/jenkins/ReportModel.class")));
        assertThat(fieldGenerics).contains("dev/ecsdiag/jenkins/ReportModel$Group", "java/util/Map");
    }
}
