package org.meridian.platform.test.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared authorization table: operation -> role -> access, one row a line ({@code METHOD /path | access | ...},
 * access one of own, any, -), its columns in the order of {@link #ROLES}.
 */
public final class AuthorizationMatrix {

    /** The columns, in order: the roles of the identity provider's realm. */
    public static final List<String> ROLES =
            List.of("patient", "practitioner", "clinic-admin", "researcher", "admin", "research-export");

    public enum Access {
        OWN,
        ANY,
        DENIED
    }

    public record Row(String method, String path, Map<String, Access> byRole) {
        public String operation() {
            return method + " " + path;
        }

        public Access access(String role) {
            Access access = byRole.get(role);
            if (access == null) {
                throw new IllegalStateException("no column for role " + role + " in " + operation());
            }
            return access;
        }
    }

    private final List<Row> rows;

    private AuthorizationMatrix(List<Row> rows) {
        this.rows = rows;
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> operations() {
        return rows.stream().map(Row::operation).toList();
    }

    /** Reads the table from a classpath resource of the calling test module. */
    public static AuthorizationMatrix load(Class<?> testClass, String resource) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(testClass.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                String[] operation = cells[0].trim().split("\\s+");
                if (cells.length != ROLES.size() + 1 || operation.length != 2) {
                    throw new IllegalStateException("malformed row: " + line);
                }
                Map<String, Access> byRole = new LinkedHashMap<>();
                for (int i = 0; i < ROLES.size(); i++) {
                    byRole.put(
                            ROLES.get(i),
                            switch (cells[i + 1].trim()) {
                                case "own" -> Access.OWN;
                                case "any" -> Access.ANY;
                                case "-" -> Access.DENIED;
                                default ->
                                    throw new IllegalStateException(
                                            "unknown access '" + cells[i + 1].trim() + "' in " + line);
                            });
                }
                rows.add(new Row(operation[0], operation[1], byRole));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new AuthorizationMatrix(rows);
    }
}
