-- Research aggregates and exports (docs/research.md).
-- Aggregates read, per instrument version, every scored and linked assessment in episode order: a covering index
-- lets PostgreSQL pair baseline and follow-up from the index alone, already sorted by episode.
CREATE INDEX assessment_research_idx ON assessment (instrument_code, instrument_version, episode_id, answered_at)
    INCLUDE (timepoint, follow_up_weeks, id, pseudonym_id, score_exact, score_value)
    WHERE status = 'SCORED' AND link_status = 'LINKED' AND episode_id IS NOT NULL;

-- Exports stream in (received_at, id) order and resume after a cursor on it.
CREATE INDEX assessment_received_idx ON assessment (received_at, id) WHERE status = 'SCORED';

-- Sessions held by a follow-up: counted per episode up to a time.
CREATE INDEX projected_session_held_idx ON projected_session (episode_id, started_at) WHERE NOT cancelled;
