package org.meridian.platform.fhir;

import java.util.Date;
import org.hl7.fhir.r4.model.CapabilityStatement;

/** What a service implements of FHIR R4, as its CapabilityStatement (a bean each service provides). */
public interface CapabilityStatementSource {

    CapabilityStatement create(Date published);
}
