package org.meridian.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Request bodies are read as the OpenAPI document types them:
 * <ul>
 * <li>a JSON number or boolean where a string is declared is a 400 naming the field, not silently turned into text
 * ({@code "name": 407} is a client bug, not a clinic called "407"); likewise a number where a boolean is declared
 * ({@code "serious": 1}), a string where a number is ({@code "daysPerWeek": "5"}), and a number where a date or
 * date-time is ({@code "dateOfBirth": 19000}, which Jackson would read as days since 1970);</li>
 * <li>a string holding U+0000 is a 400 naming the field: PostgreSQL cannot store it in text, so it would otherwise
 * fail the write with a 500.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** After Quarkus's own customizer, whose Java time module would otherwise replace the date-time readers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.setDefaultLeniency(false);
        mapper.registerModule(new SimpleModule("meridian-strict-json")
                .addDeserializer(String.class, new NoNulStrings())
                .addDeserializer(
                        OffsetDateTime.class,
                        new TextOnly<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME))
                .addDeserializer(Instant.class, new TextOnly<>(Instant.class, InstantDeserializer.INSTANT)));
    }

    /** A date-time only as ISO 8601 text: Jackson's own reader would also take a number as seconds since 1970. */
    static final class TextOnly<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> iso;

        TextOnly(Class<T> type, JsonDeserializer<T> iso) {
            super(type);
            this.iso = iso;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
                return (T) context.handleUnexpectedToken(handledType(), parser);
            }
            return iso.deserialize(parser, context);
        }
    }

    static final class NoNulStrings extends StdScalarDeserializer<String> {

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw context.weirdStringException(value, String.class, "must not contain the NUL character (U+0000)");
            }
            return value;
        }
    }
}
