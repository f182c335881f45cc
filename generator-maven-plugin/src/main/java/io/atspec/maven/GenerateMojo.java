package io.atspec.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates typed Java bindings from the {@code .atspec} chapter specs in
 * {@code src/main/atspec} and adds them to the sources the compiler builds.
 *
 * <p>Each spec becomes a package of Java sources in {@code target/generated-sources/atspec}. Only
 * what changed is regenerated: an unchanged spec is not compiled again, and a generated file is
 * rewritten only when its content changes, so an up-to-date build recompiles nothing. The outputs
 * of a deleted or renamed spec are deleted. On a spec error the build fails with every diagnostic
 * of every spec, as {@code file:line:column: error: message}, and nothing is written.
 */
// Parameters are Files, not Paths: Maven 3.8 has no converter for Path. The Mojo is built by plain
// construction: Maven before 3.9.6 ignores JSR-330 @Named components compiled for Java 17.
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** The directory holding the spec files (searched with its subdirectories). */
    @Parameter(
            property = "atspec.sourceDirectory",
            defaultValue = "${project.basedir}/src/main/atspec",
            required = true)
    private File sourceDirectory;

    /**
     * The directory the generated Java sources go to; it is added as a compile source root. The
     * plugin owns it: files it generated earlier and no longer generates are deleted from it.
     */
    @Parameter(
            property = "atspec.outputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/atspec",
            required = true)
    private File outputDirectory;

    /**
     * Where generated resources go (the service registration of the chapters' descriptors,
     * {@code META-INF/services/io.atspec.runtime.bind.ChapterBinding}); added as a resource root,
     * so the module's jar carries it. Owned by the plugin.
     */
    @Parameter(
            property = "atspec.resourcesDirectory",
            defaultValue = "${project.build.directory}/generated-resources/atspec",
            required = true)
    private File resourcesDirectory;

    /**
     * The spec files to compile, as patterns relative to {@code sourceDirectory} (for example
     * {@code neoway/*.atspec}). When none is given: {@code **}{@code /*.atspec}.
     */
    @Parameter
    private List<String> includes;

    /** Spec files to leave out, as patterns relative to {@code sourceDirectory}. */
    @Parameter
    private List<String> excludes;

    /** Fails the build when a spec has a warning, not only on an error. Nothing is written then. */
    @Parameter(property = "atspec.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /**
     * Skips the goal: nothing is generated or deleted, and the output directory is not added to
     * the compile sources.
     */
    // The output directory is deliberately not added either: it may hold bindings from an older
    // spec, and compiling them silently would hide that they are stale.
    @Parameter(property = "atspec.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("atspec: skipped (atspec.skip)");
            return;
        }
        Path output = outputDirectory.toPath().toAbsolutePath().normalize();
        // First, and on every run: an up-to-date run must still hand the sources to the compiler,
        // since each Maven invocation starts with the POM's source roots only.
        project.addCompileSourceRoot(output.toString());
        Path resources = resourcesDirectory.toPath().toAbsolutePath().normalize();
        Resource resource = new Resource();
        resource.setDirectory(resources.toString());
        project.addResource(resource);

        new SpecGeneration(project, mojoExecution, getLog())
                .run(sourceDirectory, output, Optional.of(resources), includes, excludes, failOnWarning, "");
    }
}
