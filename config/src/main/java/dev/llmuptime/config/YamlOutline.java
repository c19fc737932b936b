package dev.llmuptime.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A first pass over the YAML, before binding: checks every key against the config records in
 * document order (so the first unknown key is reported, even when a required key is missing too)
 * and remembers the line of every key, so later errors can point at it.
 */
final class YamlOutline {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private final Map<String, Integer> lines;
    private final boolean empty;

    private YamlOutline(Map<String, Integer> lines, boolean empty) {
        this.lines = lines;
        this.empty = empty;
    }

    /** Reads {@code yaml} whose root binds to {@code rootType}; throws {@link ConfigException}. */
    static YamlOutline read(String yaml, Class<?> rootType, String source) {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Type> containers = new ArrayDeque<>();
        Type nextValue = rootType;
        boolean empty = true;
        try (JsonParser parser = YAML.createParser(yaml)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                empty = false;
                int line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    String path = pathOf(parser.getParsingContext());
                    lines.putIfAbsent(path, line);
                    nextValue = typeOfKey(containers.peek(), key, path, line, source);
                    continue;
                }
                JsonStreamContext context = parser.getParsingContext();
                Type valueType = context.getParent() != null && context.getParent().inArray()
                        ? elementType(containers.peek()) : nextValue;
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    lines.putIfAbsent(pathOf(context.getParent()), line);
                    containers.push(valueType == null ? Object.class : valueType);
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    containers.pop();
                } else if (context.inArray()) {
                    lines.putIfAbsent(pathOf(context), line);
                }
            }
        } catch (StreamReadException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.find()) {
                throw new ConfigException(source + ":" + e.getLocation().getLineNr() + ": key '" + duplicate.group(1)
                        + "' appears twice in " + (pathOf(e.getProcessor().getParsingContext().getParent()).isEmpty()
                        ? "the top level" : pathOf(e.getProcessor().getParsingContext().getParent())));
            }
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage();
            int newline = message == null ? -1 : message.indexOf('\n');
            throw new ConfigException(source + (line > 0 ? ":" + line : "") + ": not valid YAML: "
                    + (newline < 0 ? message : message.substring(0, newline)));
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot be read: " + e.getMessage());
        }
        return new YamlOutline(lines, empty);
    }

    boolean isEmpty() {
        return empty;
    }

    /** The line where {@code path} (e.g. {@code probes.targets[0].model}) is written, or 0. */
    int lineOf(String path) {
        return lines.getOrDefault(path, 0);
    }

    /** The config path of the current token, e.g. {@code probes.targets[1].model}. */
    static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        appendPath(context, path);
        return path.toString();
    }

    private static void appendPath(JsonStreamContext context, StringBuilder path) {
        if (context == null || context.inRoot()) {
            return;
        }
        appendPath(context.getParent(), path);
        if (context.inArray()) {
            path.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
        } else if (context.getCurrentName() != null) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(context.getCurrentName());
        }
    }

    private static Type typeOfKey(Type owner, String key, String path, int line, String source) {
        if (owner instanceof Class<?> type && type.isRecord()) {
            Map<String, Type> components = new HashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                // Record component annotations land on the accessor, where Jackson reads them too.
                JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
                components.put(property == null ? component.getName() : property.value(), component.getGenericType());
            }
            if (!components.containsKey(key)) {
                String where = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
                TreeSet<String> known = new TreeSet<>(components.keySet());
                throw new ConfigException(source + ":" + line + ": unknown key '" + key + "'"
                        + (where.isEmpty() ? "" : " in " + where) + DidYouMean.suggest(key, known)
                        + "; expected one of " + String.join(", ", known));
            }
            return components.get(key);
        }
        if (owner instanceof ParameterizedType map && map.getRawType() == Map.class) {
            return map.getActualTypeArguments()[1];
        }
        return null;
    }

    private static Type elementType(Type container) {
        if (container instanceof ParameterizedType list && list.getRawType() == List.class) {
            return list.getActualTypeArguments()[0];
        }
        return null;
    }
}
