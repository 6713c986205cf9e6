package dev.livecue.dynamodblocal;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation/SAM template written in YAML. Short-form tags become the long form CloudFormation itself
 * turns them into ({@code !Ref X} is {@code {Ref: X}}, {@code !GetAtt A.B} is {@code {Fn::GetAtt: [A, B]}},
 * {@code !Sub s} is {@code {Fn::Sub: s}}), so a reader can tell a literal from a reference.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    /** The template as nested maps, lists and scalars. */
    public static Map<String, Object> load(InputStream template) {
        return new Yaml(new IntrinsicConstructor()).load(template);
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String name = node.getTag().getValue().substring(1);
                    Object value;
                    if (node instanceof ScalarNode scalar) {
                        String text = constructScalar(scalar);
                        value = "GetAtt".equals(name) ? Arrays.asList(text.split("\\.", 2)) : text;
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of("Ref".equals(name) || "Condition".equals(name) ? name : "Fn::" + name, value);
                }
            });
        }
    }

    /** The logical id a {@code {Ref: X}} names, or null when the value is something else. */
    public static String ref(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String id ? id : null;
    }

    /** The {@code [resource, attribute]} of a {@code {Fn::GetAtt: ...}}, or null when the value is something else. */
    public static List<?> getAtt(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::GetAtt") instanceof List<?> parts ? parts : null;
    }
}
