package org.meridian.intake.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meridian.platform.security.Roles;

/** The declared authorization table: operation -> role -> access. */
final class AuthorizationMatrix {

    enum Access { OWN, ANY, DENIED }

    record Row(String method, String path, Map<String, Access> byRole) {
        String operation() {
            return method + " " + path;
        }

        Access access(String role) {
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

    List<Row> rows() {
        return rows;
    }

    List<String> operations() {
        return rows.stream().map(Row::operation).toList();
    }

    static AuthorizationMatrix load(String resource) {
        List<Row> rows = new ArrayList<>();
        List<String> roles = List.of(Roles.PATIENT, Roles.PRACTITIONER, Roles.CLINIC_ADMIN, Roles.RESEARCHER, Roles.ADMIN, Roles.RESEARCH_EXPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                AuthorizationMatrix.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                String[] operation = cells[0].trim().split("\\s+");
                if (cells.length != roles.size() + 1 || operation.length != 2) {
                    throw new IllegalStateException("malformed row: " + line);
                }
                Map<String, Access> byRole = new LinkedHashMap<>();
                for (int i = 0; i < roles.size(); i++) {
                    byRole.put(roles.get(i), switch (cells[i + 1].trim()) {
                        case "own" -> Access.OWN;
                        case "any" -> Access.ANY;
                        case "-" -> Access.DENIED;
                        default -> throw new IllegalStateException("unknown access '" + cells[i + 1].trim() + "' in " + line);
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
