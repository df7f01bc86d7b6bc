package se.creativenorrbotten.directory.common.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;

import se.creativenorrbotten.directory.common.text.MultiLine;
import se.creativenorrbotten.directory.common.text.PlainText;

/**
 * Every string read from a JSON body passes {@link PlainText}'s rules: single-line unless its property is
 * marked {@link MultiLine}. Registered for {@code String} on the API's mapper ({@link StrictJson}), so a new
 * field cannot miss it; lists of strings are checked item by item. A refused value fails the binding with
 * {@link InvalidTextException}, which carries the rule that was broken and the field's JSON path.
 */
public final class TextDeserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

    static final TextDeserializer SINGLE_LINE = new TextDeserializer(PlainText.Lines.SINGLE);
    static final TextDeserializer MULTI_LINE = new TextDeserializer(PlainText.Lines.MULTI);

    private final PlainText.Lines lines;

    private TextDeserializer(PlainText.Lines lines) {
        super(String.class);
        this.lines = lines;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return property != null && property.getAnnotation(MultiLine.class) != null ? MULTI_LINE : SINGLE_LINE;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = StringDeserializer.instance.deserialize(p, ctxt);
        String problem = PlainText.problem(text, lines);
        if (problem != null) {
            throw new InvalidTextException(p, problem);
        }
        return text;
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public boolean isCachable() {
        return true;
    }

    /** A string that breaks the text rules; the message is the rule, for the caller. */
    public static final class InvalidTextException extends JsonMappingException {

        private final String detail;

        InvalidTextException(JsonParser parser, String detail) {
            super(parser, detail);
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }
}
