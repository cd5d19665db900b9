package dev.ecsdiag.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Mojo;

/** Placeholder while the job API lands. */
@Mojo(name = "collect", threadSafe = true, requiresProject = false)
public class CollectMojo extends AbstractMojo {
    @Override
    public void execute() {
        getLog().info("placeholder");
    }
}
