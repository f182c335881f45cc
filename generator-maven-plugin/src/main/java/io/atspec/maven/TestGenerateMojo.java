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
 * Generates Java bindings from the test specs in {@code src/test/atspec} and adds them to the
 * sources the test compiler builds: chapters that only tests use (a fake module, a chapter under
 * development). Works as {@code generate} does, into
 * {@code target/generated-test-sources/atspec}.
 */
// Files, not Paths, and plain construction: see GenerateMojo.
@Mojo(name = "test-generate", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true)
public class TestGenerateMojo extends AbstractMojo {

    /** The directory holding the test spec files (searched with its subdirectories). */
    @Parameter(
            property = "atspec.testSourceDirectory",
            defaultValue = "${project.basedir}/src/test/atspec",
            required = true)
    private File testSourceDirectory;

    /**
     * The directory the generated Java test sources go to; it is added as a test compile source
     * root. The plugin owns it: files it generated earlier and no longer generates are deleted.
     */
    @Parameter(
            property = "atspec.testOutputDirectory",
            defaultValue = "${project.build.directory}/generated-test-sources/atspec",
            required = true)
    private File testOutputDirectory;

    /**
     * Where generated test resources go (the service registration of the test chapters'
     * descriptors); added as a test resource root, so tests find those chapters on the class path.
     */
    @Parameter(
            property = "atspec.testResourcesDirectory",
            defaultValue = "${project.build.directory}/generated-test-resources/atspec",
            required = true)
    private File testResourcesDirectory;

    /**
     * The test spec files to compile, as patterns relative to {@code testSourceDirectory}. When
     * none is given: {@code **}{@code /*.atspec}.
     */
    @Parameter
    private List<String> includes;

    /** Test spec files to leave out, as patterns relative to {@code testSourceDirectory}. */
    @Parameter
    private List<String> excludes;

    /** Fails the build when a test spec has a warning, not only on an error. */
    @Parameter(property = "atspec.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** Skips the goal, as {@code atspec.skip} does for {@code generate}. */
    @Parameter(property = "atspec.skip", defaultValue = "false")
    private boolean skip;

    /** Skips the goal too: with {@code -Dmaven.test.skip} no test source is compiled. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || mavenTestSkip) {
            getLog().info("atspec: test specs skipped (" + (skip ? "atspec.skip" : "maven.test.skip") + ")");
            return;
        }
        Path output = testOutputDirectory.toPath().toAbsolutePath().normalize();
        // On every run, up to date or not: see GenerateMojo.
        project.addTestCompileSourceRoot(output.toString());
        Path resources = testResourcesDirectory.toPath().toAbsolutePath().normalize();
        Resource resource = new Resource();
        resource.setDirectory(resources.toString());
        project.addTestResource(resource);

        new SpecGeneration(project, mojoExecution, getLog())
                .run(testSourceDirectory, output, Optional.of(resources), includes, excludes, failOnWarning, "test-");
    }
}
