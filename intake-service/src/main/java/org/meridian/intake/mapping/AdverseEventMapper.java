package org.meridian.intake.mapping;

import static org.meridian.intake.mapping.Values.blankToNull;
import static org.meridian.intake.mapping.Values.utc;

import org.meridian.intake.domain.AdverseEvent;
import org.meridian.intake.rest.dto.AdverseEventRequest;
import org.meridian.intake.rest.dto.AdverseEventResponse;
import org.meridian.intake.service.AdverseEventService.AdverseEventDraft;

public final class AdverseEventMapper {

    private AdverseEventMapper() {}

    public static AdverseEventDraft toDraft(AdverseEventRequest request) {
        return new AdverseEventDraft(
                request.type(),
                request.severity(),
                request.serious(),
                blankToNull(request.description()),
                blankToNull(request.actionTaken()));
    }

    public static AdverseEventResponse toResponse(AdverseEvent event) {
        return new AdverseEventResponse(
                event.id,
                event.sessionId,
                event.type,
                event.severity,
                event.serious,
                event.description,
                event.actionTaken,
                utc(event.recordedAt),
                Values.actor(event.reportedBy),
                event.version);
    }
}
