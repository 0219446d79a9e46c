-- Trigram search on people (and later on posts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
