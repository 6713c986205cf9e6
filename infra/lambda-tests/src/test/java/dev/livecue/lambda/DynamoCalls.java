package dev.livecue.lambda;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The DynamoDB actions a packaged function can perform, read from the bytecode of the Livecue classes in it: every
 * call on the DynamoDB client, and every item of a transaction (IAM authorizes a transaction item by item, as
 * PutItem, UpdateItem, DeleteItem, ConditionCheckItem or GetItem). A CDI bean Quarkus removed from the package
 * (because the function never uses it) does not count; neither do classes the function only has on its class path
 * through a bean it does not keep. The granularity is the class: a store bean the function keeps counts with all
 * of its methods.
 */
final class DynamoCalls {

    /**
     * What a function needs: actions on the table; Query/Scan that may be on the table or only on an index (a class
     * that names an index); actions per index; which classes need each action; calls the scan cannot map.
     */
    record Needs(SortedSet<String> tableActions, SortedSet<String> maybeTableActions,
            SortedMap<String, SortedSet<String>> indexActions,
            SortedMap<String, SortedSet<String>> callers, SortedSet<String> unknown) {
    }

    private static final String MODEL = "software/amazon/awssdk/services/dynamodb/model/";
    private static final Set<String> CLIENTS = Set.of("software/amazon/awssdk/services/dynamodb/DynamoDbClient",
            "software/amazon/awssdk/services/dynamodb/DynamoDbAsyncClient");
    private static final Map<String, String> CLIENT_ACTIONS = Map.ofEntries(
            Map.entry("getItem", "dynamodb:GetItem"),
            Map.entry("putItem", "dynamodb:PutItem"),
            Map.entry("updateItem", "dynamodb:UpdateItem"),
            Map.entry("deleteItem", "dynamodb:DeleteItem"),
            Map.entry("query", "dynamodb:Query"),
            Map.entry("queryPaginator", "dynamodb:Query"),
            Map.entry("scan", "dynamodb:Scan"),
            Map.entry("scanPaginator", "dynamodb:Scan"),
            Map.entry("batchGetItem", "dynamodb:BatchGetItem"),
            Map.entry("batchGetItemPaginator", "dynamodb:BatchGetItem"),
            Map.entry("batchWriteItem", "dynamodb:BatchWriteItem"),
            Map.entry("describeTable", "dynamodb:DescribeTable"));
    /** Calls that need no permission of their own: the transaction's items carry it. */
    private static final Set<String> AUTHORIZED_PER_ITEM = Set.of("transactWriteItems", "transactGetItems");
    private static final Map<String, String> ITEM_ACTIONS = Map.of(
            MODEL + "TransactWriteItem$Builder.put", "dynamodb:PutItem",
            MODEL + "TransactWriteItem$Builder.update", "dynamodb:UpdateItem",
            MODEL + "TransactWriteItem$Builder.delete", "dynamodb:DeleteItem",
            MODEL + "TransactWriteItem$Builder.conditionCheck", "dynamodb:ConditionCheckItem",
            MODEL + "TransactGetItem$Builder.get", "dynamodb:GetItem");
    private static final Set<String> INDEX_SETTERS = Set.of(MODEL + "QueryRequest$Builder.indexName", MODEL + "ScanRequest$Builder.indexName");
    private static final List<DotName> BEAN_DEFINING = List.of(
            DotName.createSimple("jakarta.enterprise.context.ApplicationScoped"),
            DotName.createSimple("jakarta.enterprise.context.RequestScoped"),
            DotName.createSimple("jakarta.enterprise.context.SessionScoped"),
            DotName.createSimple("jakarta.enterprise.context.Dependent"),
            DotName.createSimple("jakarta.inject.Singleton"));

    private DynamoCalls() {
    }

    /** {@code indexNames} are the table's index names, recognized where the code names an index by a constant. */
    static Needs of(FunctionZip zip, Set<String> indexNames) {
        SortedSet<String> table = new TreeSet<>();
        SortedMap<String, SortedSet<String>> indexes = new TreeMap<>();
        SortedMap<String, SortedSet<String>> callers = new TreeMap<>();
        SortedSet<String> maybeTable = new TreeSet<>();
        SortedSet<String> unknown = new TreeSet<>();
        zip.appClasses().forEach((name, bytes) -> {
            if (removedBean(zip, name)) {
                return;
            }
            ClassScan scan = new ClassScan();
            new ClassReader(bytes).accept(scan, ClassReader.SKIP_FRAMES | ClassReader.SKIP_DEBUG);
            scan.unknown.forEach(call -> unknown.add(name + " calls " + call));
            if (scan.actions.isEmpty()) {
                return;
            }
            scan.actions.forEach(action -> callers.computeIfAbsent(action, a -> new TreeSet<>()).add(simpleName(name)));
            if (!scan.namesIndex) {
                table.addAll(scan.actions);
                return;
            }
            Set<String> named = new HashSet<>(scan.constants);
            named.retainAll(indexNames);
            if (named.isEmpty()) {
                unknown.add(name + " reads an index it does not name by a constant");
            }
            for (String action : scan.actions) {
                if (action.equals("dynamodb:Query") || action.equals("dynamodb:Scan")) {
                    named.forEach(index -> indexes.computeIfAbsent(index, i -> new TreeSet<>()).add(action));
                    maybeTable.add(action); // the bytecode cannot tell whether this class reads the table too
                } else {
                    table.add(action);
                }
            }
        });
        return new Needs(table, maybeTable, indexes, callers, unknown);
    }

    /** A bean class (or one of its nested classes) whose bean Quarkus removed from this package. */
    private static boolean removedBean(FunctionZip zip, String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        ClassInfo info = zip.index().getClassByName(DotName.createSimple(outer));
        boolean bean = info != null && BEAN_DEFINING.stream().anyMatch(a -> info.declaredAnnotation(a) != null);
        return bean && !zip.keptBean(outer);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Collects the DynamoDB calls and string constants of one class. */
    private static final class ClassScan extends ClassVisitor {
        final Set<String> actions = new TreeSet<>();
        final Set<String> constants = new HashSet<>();
        final Set<String> unknown = new TreeSet<>();
        boolean namesIndex;

        ClassScan() {
            super(Opcodes.ASM9);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    String call = owner + "." + method;
                    if (CLIENTS.contains(owner)) {
                        String action = CLIENT_ACTIONS.get(method);
                        if (action != null) {
                            actions.add(action);
                        } else if (!AUTHORIZED_PER_ITEM.contains(method) && !method.equals("close") && !method.equals("serviceName")) {
                            unknown.add(call);
                        }
                    } else if (ITEM_ACTIONS.containsKey(call)) {
                        actions.add(ITEM_ACTIONS.get(call));
                    } else if (INDEX_SETTERS.contains(call)) {
                        namesIndex = true;
                    } else if (owner.startsWith("software/amazon/awssdk/enhanced/dynamodb/")) {
                        unknown.add(call + " (enhanced client: map its calls in DynamoCalls)");
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String text) {
                        constants.add(text);
                    }
                }
            };
        }
    }
}
