package dev.ecsdiag.maven.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.cipher.PlexusCipherException;

/** settings.xml files for the forked Maven: ~/.m2 standing in for Central, and servers holding an AccessKey. */
final class ItSettings {

    private static final String MASTER_KEY_OF_MASTER = "settings.security";

    private ItSettings() {
    }

    /**
     * Central replaced by ~/.m2/repository, read through file:// (Maven copies what it needs into its
     * own local repository; ~/.m2 is only read). A local repository keeps no checksums, hence ignore.
     */
    static String profile() {
        String url = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        String repository = """
                        <id>central</id>
                        <url>%s</url>
                        <releases><checksumPolicy>ignore</checksumPolicy></releases>
                        <snapshots><enabled>false</enabled></snapshots>
                """.formatted(url);
        return """
                  <mirrors>
                    <!-- repositories other POMs declare: nothing leaves this machine -->
                    <mirror><id>m2-others</id><mirrorOf>*,!central</mirrorOf><url>%s</url></mirror>
                  </mirrors>
                  <profiles>
                    <profile>
                      <id>m2-read-only</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>m2-read-only</activeProfile></activeProfiles>
                """.formatted(url, repository, repository);
    }

    static Path write(Path file, String servers) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, """
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                %s
                  <servers>
                %s
                  </servers>
                </settings>
                """.formatted(profile(), servers));
    }

    static String server(String id, String username, String password, String securityToken) {
        String configuration = securityToken == null ? ""
                : "<configuration><securityToken>" + securityToken + "</securityToken></configuration>";
        return "    <server><id>%s</id><username>%s</username><password>%s</password>%s</server>"
                .formatted(id, username, password, configuration);
    }

    /** A settings-security.xml holding {@code masterPassword}, encrypted as {@code mvn --encrypt-master-password} does. */
    static Path writeSecurity(Path file, String masterPassword) throws IOException {
        return Files.writeString(file, "<settingsSecurity><master>" + encrypt(masterPassword, MASTER_KEY_OF_MASTER)
                + "</master></settingsSecurity>\n");
    }

    /** {@code value} encrypted with {@code key} in the {...} form settings.xml accepts ({@code mvn --encrypt-password}). */
    static String encrypt(String value, String key) {
        try {
            return new DefaultPlexusCipher().encryptAndDecorate(value, key);
        } catch (PlexusCipherException e) {
            throw new IllegalStateException(e);
        }
    }
}
