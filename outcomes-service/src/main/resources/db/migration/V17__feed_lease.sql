-- The feed lease (docs/deployment.md#scaling): one outcomes replica at a time reads and projects intake's feed. The
-- holder renews expires_at at each poll; once it has passed, any replica may take the row over. Times are the
-- database's (clock_timestamp()), so the replicas' clocks do not matter.
CREATE TABLE feed_lease (
    feed        text        PRIMARY KEY,
    holder      text        NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
