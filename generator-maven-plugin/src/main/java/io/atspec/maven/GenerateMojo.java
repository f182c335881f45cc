package io.atspec.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
 * Generates typed Java bindings from the project's {@code .atspec} chapter specs and adds them
 * to the compile sources.
 *
 * <p>Incremental: a spec is compiled and generated again only when its bytes or the generator
 * version changed; a generated file is rewritten only when its content changed, so an up-to-date
 * build leaves every timestamp alone and javac has nothing to recompile. Outputs of a removed or
 * renamed spec are deleted. A spec error fails the build after every diagnostic of every spec has
 * been logged, and nothing is written in that run.
 *
 * <p>Parameters are {@link File}s, not Paths, because Maven 3.8 has no Path converter; the Mojo is
 * built by plain construction (no JSR-330 injection, which Maven before 3.9.6 ignores for classes
 * compiled for Java 17).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** Where the spec files are. */
    @Parameter(
            property = "atspec.sourceDirectory",
            defaultValue = "${project.basedir}/src/main/atspec",
            required = true)
    private File sourceDirectory;

    /** Where the Java sources go; added as a compile source root. Owned by the plugin. */
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
     * Spec files to compile, as Maven patterns relative to {@code sourceDirectory}. Default
     * {@code **}{@code /*.atspec}.
     */
    @Parameter
    private List<String> includes;

    /** Spec files to leave out, as Maven patterns relative to {@code sourceDirectory}. */
    @Parameter
    private List<String> excludes;

    /**
     * Skips the goal: nothing is generated, deleted or added to the compile source roots. The
     * output directory is deliberately not added either: it may hold bindings from an older spec,
     * and compiling them silently would hide that they are stale.
     */
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
        long start = System.nanoTime();
        Path output = outputDirectory.toPath().toAbsolutePath().normalize();
        // First, and on every run: an up-to-date run must still hand the sources to the compiler,
        // since each Maven invocation starts with the POM's source roots only.
        project.addCompileSourceRoot(output.toString());
        Path resources = resourcesDirectory.toPath().toAbsolutePath().normalize();
        Resource resource = new Resource();
        resource.setDirectory(resources.toString());
        project.addResource(resource);

        List<SpecFile> specs;
        try {
            specs = new SpecFiles(includes, excludes).find(sourceDirectory.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException(
                    "atspec: cannot list the spec files in " + sourceDirectory + ": " + e.getMessage(), e);
        }
        if (specs.isEmpty()) {
            getLog().info("atspec: no spec files in " + display(sourceDirectory.toPath()));
        }

        SpecBuild.Result result = SpecBuild.withJavaGenerator(this::display, getLog())
                .run(specs, output, java.util.Optional.of(resources), stateFile());

        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.upToDate()) {
            getLog().info("atspec: " + SpecBuild.plural(result.specs(), "spec") + " up to date (" + millis + " ms)");
        } else {
            getLog().info("atspec: "
                    + result.regenerated() + " of " + SpecBuild.plural(result.specs(), "spec")
                    + " generated: " + SpecBuild.plural(result.written(), "file") + " written, "
                    + result.unchanged() + " unchanged, " + result.deleted() + " deleted, in "
                    + display(output) + " (" + millis + " ms)");
        }
    }

    /**
     * The state lives in the build directory, not in the output directory, so it neither shows up
     * among the IDE's generated sources nor gets packaged by a sources jar. One file per execution
     * id, so two executions with different spec sets do not undo each other's work.
     */
    private Path stateFile() {
        String id = mojoExecution.getExecutionId() == null ? "default" : mojoExecution.getExecutionId();
        return Path.of(project.getBuild().getDirectory(), "atspec-state", id + ".properties");
    }

    /** A path as the user sees it: relative to the project directory when it is inside it. */
    private String display(Path file) {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
    }
}
