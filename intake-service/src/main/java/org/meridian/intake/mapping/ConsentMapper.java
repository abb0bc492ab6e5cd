package org.meridian.intake.mapping;

import static org.meridian.intake.mapping.Values.blankToNull;
import static org.meridian.intake.mapping.Values.instant;
import static org.meridian.intake.mapping.Values.utc;

import org.meridian.intake.domain.Consent;
import org.meridian.intake.rest.dto.ConsentRequest;
import org.meridian.intake.rest.dto.ConsentResponse;
import org.meridian.intake.rest.dto.ConsentWithdrawalRequest;
import org.meridian.intake.service.ConsentService.ConsentDraft;
import org.meridian.intake.service.ConsentService.WithdrawalDraft;

public final class ConsentMapper {

    private ConsentMapper() {}

    public static ConsentDraft toDraft(ConsentRequest request) {
        return new ConsentDraft(request.kind(), request.documentVersion().strip(), instant(request.givenAt()));
    }

    public static WithdrawalDraft toDraft(ConsentWithdrawalRequest request) {
        return request == null
                ? new WithdrawalDraft(null, null)
                : new WithdrawalDraft(instant(request.withdrawnAt()), blankToNull(request.reason()));
    }

    public static ConsentResponse toResponse(Consent consent) {
        return new ConsentResponse(
                consent.id,
                consent.patientId,
                consent.kind,
                consent.documentVersion,
                utc(consent.givenAt),
                consent.status(),
                utc(consent.withdrawnAt),
                consent.withdrawalReason,
                utc(consent.recordedAt),
                consent.version);
    }
}
