package org.meridian.platform.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class ConstraintCodesTest {

    private static final Validator VALIDATOR = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    record Form(
            @NotBlank String name,
            @Size(min = 2, max = 4) String code,
            @Size(max = 2) List<String> tags,
            @Max(10) Integer score,
            @Pattern(regexp = "[a-z]+") String slug,
            @Email String email,
            @Past LocalDate born) {}

    enum Colour {
        RED
    }

    record Typed(String name, Integer count, UUID id, LocalDate on, Colour colour) {}

    @Test
    void everyBuiltInConstraintHasACode() {
        List<Class<? extends Annotation>> builtIn = List.of(
                jakarta.validation.constraints.AssertFalse.class,
                jakarta.validation.constraints.AssertTrue.class,
                jakarta.validation.constraints.DecimalMax.class,
                jakarta.validation.constraints.DecimalMin.class,
                jakarta.validation.constraints.Digits.class,
                Email.class,
                jakarta.validation.constraints.Future.class,
                jakarta.validation.constraints.FutureOrPresent.class,
                Max.class,
                jakarta.validation.constraints.Min.class,
                jakarta.validation.constraints.Negative.class,
                jakarta.validation.constraints.NegativeOrZero.class,
                NotBlank.class,
                jakarta.validation.constraints.NotEmpty.class,
                jakarta.validation.constraints.NotNull.class,
                jakarta.validation.constraints.Null.class,
                Past.class,
                jakarta.validation.constraints.PastOrPresent.class,
                Pattern.class,
                jakarta.validation.constraints.Positive.class,
                jakarta.validation.constraints.PositiveOrZero.class,
                Size.class);
        assertThat(builtIn)
                .allSatisfy(constraint -> assertThat(ConstraintCodes.declaredBy(constraint))
                        .as(constraint.getSimpleName())
                        .isPresent());
    }

    @Test
    void violationsGetTheirConstraintsCode() {
        Form form = new Form(
                " ",
                "x",
                List.of("a", "b", "c"),
                11,
                "Not-A-Slug",
                "nobody",
                LocalDate.now().plusDays(1));
        assertThat(codes(form))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "name", ErrorCode.REQUIRED,
                        "code", ErrorCode.TOO_SHORT,
                        "tags", ErrorCode.TOO_LONG,
                        "score", ErrorCode.OUT_OF_RANGE,
                        "slug", ErrorCode.INVALID_FORMAT,
                        "email", ErrorCode.INVALID_FORMAT,
                        "born", ErrorCode.OUT_OF_RANGE));
        assertThat(codes(new Form("ok", "abcde", null, null, null, null, null)))
                .containsExactlyEntriesOf(Map.of("code", ErrorCode.TOO_LONG));
    }

    @Test
    void jsonTypeErrorsAreWrongTypeAndUnparseableTextIsInvalidFormat() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        assertThat(codeReading(mapper, "{\"name\": 407}")).isEqualTo(ErrorCode.WRONG_TYPE);
        assertThat(codeReading(mapper, "{\"name\": [\"a\"]}")).isEqualTo(ErrorCode.WRONG_TYPE);
        assertThat(codeReading(mapper, "{\"count\": \"3\"}")).isEqualTo(ErrorCode.WRONG_TYPE);
        assertThat(codeReading(mapper, "{\"count\": {}}")).isEqualTo(ErrorCode.WRONG_TYPE);
        assertThat(codeReading(mapper, "{\"id\": \"not-a-uuid\"}")).isEqualTo(ErrorCode.INVALID_FORMAT);
        assertThat(codeReading(mapper, "{\"on\": \"yesterday\"}")).isEqualTo(ErrorCode.INVALID_FORMAT);
        assertThat(codeReading(mapper, "{\"colour\": \"BLUE\"}")).isEqualTo(ErrorCode.NOT_AN_OPTION);
    }

    @Test
    void theWireFormIsSnakeCase() {
        assertThat(ErrorCode.OUT_OF_RANGE.value()).isEqualTo("out_of_range");
        assertThat(ErrorCode.wireValues()).hasSize(ErrorCode.values().length).allMatch(code -> code.matches("[a-z_]+"));
    }

    private static ErrorCode codeReading(ObjectMapper mapper, String json) {
        try {
            mapper.readValue(json, Typed.class);
            throw new AssertionError("read " + json);
        } catch (JsonProcessingException e) {
            return ProblemMappers.codeOf(e);
        }
    }

    private static Map<String, ErrorCode> codes(Object bean) {
        return VALIDATOR.validate(bean).stream()
                .collect(Collectors.toMap(
                        violation -> violation.getPropertyPath().toString(),
                        (Function<ConstraintViolation<Object>, ErrorCode>) ConstraintCodes::of));
    }
}
