package org.meridian.platform.fhir;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/** Meridian's own code systems as published CodeSystem resources: active, complete, case-sensitive. */
public final class CodeSystems {

    private CodeSystems() {}

    /** A complete, active Meridian CodeSystem with no concepts yet. */
    public static CodeSystem complete(
            String id, String url, String version, String name, String title, String description) {
        CodeSystem system = new CodeSystem();
        system.setId(id);
        system.setUrl(url);
        system.setVersion(version);
        system.setName(name);
        system.setTitle(title);
        system.setStatus(PublicationStatus.ACTIVE);
        system.setExperimental(false);
        system.setPublisher("Meridian");
        system.setDescription(description);
        system.setCaseSensitive(true);
        system.setContent(CodeSystemContentMode.COMPLETE);
        return system;
    }
}
