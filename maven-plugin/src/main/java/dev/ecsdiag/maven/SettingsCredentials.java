package dev.ecsdiag.maven;

import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Setting;
import dev.ecsdiag.config.Secret;
import java.util.stream.Collectors;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The AccessKey of a {@code <server>} in settings.xml: username = AccessKey ID, password = AccessKey
 * secret (decrypted by Maven's settings decryption when it is encrypted), and an STS token in the
 * server's {@code <configuration><securityToken>}. Messages name the server, never a value.
 */
final class SettingsCredentials {

    private final SettingsDecrypter decrypter;

    SettingsCredentials(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    Credentials of(Settings settings, String serverId) {
        Server server = settings.getServer(serverId);
        if (server == null) {
            throw problem("no <server> with id '" + serverId + "' in settings.xml (serverId names the server holding the AccessKey)");
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        if (!decrypted.getProblems().isEmpty()) {
            throw problem("cannot decrypt the password of server '" + serverId + "' in settings.xml: "
                    + decrypted.getProblems().stream().map(SettingsProblem::getMessage).collect(Collectors.joining("; ")));
        }
        Server plain = decrypted.getServer();
        if (isBlank(plain.getUsername())) {
            throw problem("server '" + serverId + "' in settings.xml has no <username> (the AccessKey ID)");
        }
        if (isBlank(plain.getPassword())) {
            throw problem("server '" + serverId + "' in settings.xml has no <password> (the AccessKey secret)");
        }
        String token = securityToken(server);
        Secret secret = Secret.of(plain.getPassword());
        return isBlank(token)
                ? Credentials.accessKey(plain.getUsername().trim(), secret)
                : Credentials.sts(plain.getUsername().trim(), secret, Secret.of(token.trim()));
    }

    private static String securityToken(Server server) {
        if (server.getConfiguration() instanceof Xpp3Dom configuration) {
            Xpp3Dom token = configuration.getChild("securityToken");
            return token == null ? null : token.getValue();
        }
        return null;
    }

    private static InvalidRequestException problem(String message) {
        return new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, Setting.ACCESS_KEY_ID, message);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
