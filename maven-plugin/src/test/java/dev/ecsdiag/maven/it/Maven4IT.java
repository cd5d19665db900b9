package dev.ecsdiag.maven.it;

/** The ITs on Maven 4.0.0-rc-5, unpacked under target/ by the build. */
class Maven4IT extends PluginIT {
    @Override
    String mavenName() {
        return "maven4";
    }
}
