package dev.llmuptime.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A share written as a ratio ({@code 0.995}) or a percentage ({@code 99.5%}), read as the ratio. */
final class RatioDeserializer extends StdScalarDeserializer<Double> {

    private static final long serialVersionUID = 1L;

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%?)");

    RatioDeserializer() {
        super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString(parser.getText());
        Matcher matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            throw JsonMappingException.from(parser, "'" + text + "' is not a ratio (expected e.g. 0.995 or 99.5%)");
        }
        // Decimal, so 99.9% is 0.999 and not 0.9990000000000001.
        BigDecimal number = new BigDecimal(matcher.group(1));
        return (matcher.group(2).isEmpty() ? number : number.movePointLeft(2)).doubleValue();
    }
}
