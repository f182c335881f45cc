package io.atspec.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** The {@code @Generated} marker of every generated type, naming the spec it came from. */
final class Generated {

    private final String specPath;

    Generated(String specPath) {
        this.specPath = specPath;
    }

    /** No date: the output must be byte-identical from run to run. */
    AnnotationSpec annotation() {
        return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                .addMember("value", "$S", JavaGenerator.class.getName())
                .addMember("comments", "$S", "from " + specPath + "; do not edit")
                .build();
    }
}
