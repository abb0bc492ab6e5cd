package org.meridian.intake.mapping;

import static org.meridian.intake.mapping.Values.blankToNull;
import static org.meridian.intake.mapping.Values.orEmpty;
import static org.meridian.intake.mapping.Values.utc;

import java.util.Locale;
import org.meridian.intake.domain.CoIntervention;
import org.meridian.intake.domain.NeedleType;
import org.meridian.intake.domain.NeedledPoint;
import org.meridian.intake.domain.TreatmentSession;
import org.meridian.intake.rest.dto.CoInterventionDto;
import org.meridian.intake.rest.dto.NeedleTypeDto;
import org.meridian.intake.rest.dto.NeedledPointDto;
import org.meridian.intake.rest.dto.SessionCancellationRequest;
import org.meridian.intake.rest.dto.SessionRequest;
import org.meridian.intake.rest.dto.SessionResponse;
import org.meridian.intake.service.SessionService.CancellationDraft;
import org.meridian.intake.service.SessionService.SessionDraft;

public final class SessionMapper {

    private SessionMapper() {}

    public static SessionDraft toDraft(SessionRequest request) {
        NeedleTypeDto needle = request.needleType();
        NeedleType needleType = new NeedleType();
        needleType.diameterMm = needle.diameterMm();
        needleType.lengthMm = needle.lengthMm();
        needleType.material = needle.material();
        needleType.manufacturer = blankToNull(needle.manufacturer());
        return new SessionDraft(
                request.startedAt().toInstant(),
                request.practitionerId(),
                request.style(),
                blankToNull(request.styleDetails()),
                request.points().stream()
                        // Codes are stored in the catalogue's canonical form (validated against it at the boundary).
                        .map(point -> new NeedledPoint(
                                point.code().strip().toUpperCase(Locale.ROOT), point.side(), point.depthMm()))
                        .toList(),
                request.needleCount(),
                request.deQiElicited(),
                request.stimulation(),
                request.electroFrequencyHz(),
                request.retentionMinutes(),
                needleType,
                orEmpty(request.coInterventions()).stream()
                        .map(co -> new CoIntervention(co.type(), blankToNull(co.details())))
                        .toList(),
                blankToNull(request.notes()));
    }

    public static CancellationDraft toDraft(SessionCancellationRequest request) {
        return new CancellationDraft(request.reason(), blankToNull(request.note()));
    }

    public static SessionResponse toResponse(TreatmentSession session) {
        NeedleType needle = session.needleType;
        return new SessionResponse(
                session.id,
                session.episodeId,
                session.patientId,
                session.sessionNumber,
                session.status,
                utc(session.startedAt),
                session.practitionerId,
                session.style,
                session.styleDetails,
                session.points.stream()
                        .map(point -> new NeedledPointDto(point.code, point.side, point.depthMm))
                        .toList(),
                session.needleCount,
                session.deQiElicited,
                session.stimulation,
                session.electroFrequencyHz,
                session.retentionMinutes,
                new NeedleTypeDto(needle.diameterMm, needle.lengthMm, needle.material, needle.manufacturer),
                session.coInterventions.stream()
                        .map(co -> new CoInterventionDto(co.type, co.details))
                        .toList(),
                session.notes,
                utc(session.cancelledAt),
                session.cancelReason,
                session.cancelNote,
                Values.actor(session.enteredBy),
                Values.actor(session.cancelledBy),
                utc(session.createdAt),
                utc(session.updatedAt),
                session.version);
    }
}
