-- The second database: Rasa's tracker store (the first, govbot, holds transcripts and tickets).
CREATE DATABASE trackers OWNER govbot;
