package dev.ecsdiag.maven.it;

/** The ITs on the Maven that runs this build (the wrapper's 3.9). */
class Maven3IT extends PluginIT {
    @Override
    String mavenName() {
        return "maven3";
    }
}
