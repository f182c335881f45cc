package io.atspec.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.atspec.grammar.model.EnumConstant;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** A spec enum or error table as a Java enum with wire codes and the manual's words. */
final class EnumWriter {

    private static final ClassName WIRE_ENUM = ClassName.get(Types.BIND, "WireEnum");

    private final Generated generated;

    EnumWriter(Generated generated) {
        this.generated = generated;
    }

    TypeSpec write(ClassName name, String description, List<EnumConstant> constants, String kind) {
        TypeSpec.Builder type = TypeSpec.enumBuilder(name)
                .addModifiers(Modifier.PUBLIC)
                .addSuperinterface(WIRE_ENUM)
                .addAnnotation(generated.annotation())
                .addJavadoc("$L\n", Docs.escape(description.isEmpty() ? name.simpleName() : description))
                .addJavadoc("\n<p>$L; codes as sent and received on the wire.\n", kind);
        for (EnumConstant constant : constants) {
            type.addEnumConstant(
                    constant.javaName(),
                    TypeSpec.anonymousClassBuilder("$S, $S", constant.code(), constant.description())
                            .addJavadoc("$L: $L\n", Docs.code(constant.wireForm()), Docs.escape(constant.description()))
                            .build());
        }
        type.addField(FieldSpec.builder(String.class, "code", Modifier.PRIVATE, Modifier.FINAL)
                        .build())
                .addField(FieldSpec.builder(String.class, "description", Modifier.PRIVATE, Modifier.FINAL)
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "code")
                        .addParameter(String.class, "description")
                        .addStatement("this.code = code")
                        .addStatement("this.description = description")
                        .build())
                .addMethod(MethodSpec.methodBuilder("code")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return code")
                        .build())
                .addMethod(MethodSpec.methodBuilder("description")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return description")
                        .build())
                .addMethod(MethodSpec.methodBuilder("fromCode")
                        .addJavadoc("The constant for a wire code, if the spec lists it.\n\n")
                        .addJavadoc("@param code the code as sent and received\n")
                        .addJavadoc("@return the constant, or empty for a code the spec does not list\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(String.class, "code")
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), name))
                        .addStatement("return $T.find(values(), code)", WIRE_ENUM)
                        .build())
                .addMethod(MethodSpec.methodBuilder("of")
                        .addJavadoc("The constant for a wire code; unknown codes are refused with the code named.\n\n")
                        .addJavadoc("@param code the code as sent and received\n")
                        .addJavadoc("@return the constant\n")
                        .addJavadoc("@throws $T if the spec does not list the code\n", Types.WIRE_PARSE_EXCEPTION)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .addParameter(String.class, "code")
                        .returns(name)
                        .addStatement("return $T.require(values(), code, $S)", WIRE_ENUM, name.simpleName())
                        .build());
        return type.build();
    }
}
