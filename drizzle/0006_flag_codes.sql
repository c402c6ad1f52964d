-- Case flags get stable codes: each flag becomes {"code", "text"}. Flags written before codes existed
-- are given the code their wording shows (the wording each producer used), else 'note'.
UPDATE "cases" SET "flags" = (
  SELECT coalesce(jsonb_agg(
    CASE WHEN jsonb_typeof(e.flag) <> 'string' THEN e.flag
    ELSE jsonb_build_object('code', CASE
      WHEN e.flag #>> '{}' LIKE 'Possible spoof:%' THEN 'possible_spoof'
      WHEN e.flag #>> '{}' LIKE 'Broken MIME structure%' THEN 'parse_warning'
      WHEN e.flag #>> '{}' LIKE 'Attachment %' OR e.flag #>> '{}' LIKE 'The request is said to be attached%' THEN 'attachment_unreadable'
      WHEN e.flag #>> '{}' LIKE 'Section 16 (advice and assistance) invoked%' THEN 's16'
      WHEN e.flag #>> '{}' LIKE 'Public-interest argument made%' THEN 'public_interest'
      WHEN e.flag #>> '{}' LIKE 'Vague terms that may need clarification:%' THEN 'vague_terms'
      WHEN e.flag #>> '{}' LIKE 'Validity (FOIA s.8):%' THEN 'validity'
      WHEN e.flag #>> '{}' LIKE 'Sections cited:%' THEN 'sections_cited'
      WHEN e.flag #>> '{}' LIKE 'Time span asked about:%' THEN 'time_span'
      WHEN e.flag #>> '{}' LIKE 'Mixed request:%' THEN 'mixed_request'
      WHEN e.flag #>> '{}' LIKE 'Forwarded to the FOI mailbox%' THEN 'forwarded'
      WHEN e.flag #>> '{}' LIKE 'Format asked for:%' THEN 'format'
      WHEN e.flag #>> '{}' LIKE 'Some questions have no confident topic%' THEN 'low_confidence_topic'
      WHEN e.flag #>> '{}' LIKE 'Acknowledgement held:%' THEN 'ack_rate_limited'
      WHEN e.flag #>> '{}' LIKE 'Campaign:%' THEN 'campaign'
      WHEN e.flag #>> '{}' LIKE 'Duplicate:%' THEN 'duplicate'
      WHEN e.flag #>> '{}' LIKE 'Acknowledgement undeliverable:%' THEN 'bounced'
      WHEN e.flag #>> '{}' LIKE '% could not be delivered:%' THEN 'undeliverable'
      WHEN e.flag #>> '{}' LIKE 'Chaser:%' THEN 'chaser'
      WHEN e.flag #>> '{}' LIKE 'Review requested before any response%' THEN 'review_before_response'
      WHEN e.flag #>> '{}' LIKE 'Review requested, but%' THEN 'review_not_opened'
      WHEN e.flag #>> '{}' LIKE 'Reads as a clarification, but none was sought%' THEN 'unsought_clarification'
      WHEN e.flag #>> '{}' LIKE 'Reply to a closed case%' OR e.flag #>> '{}' LIKE 'Reply to a withdrawn case%' THEN 'reply_to_ended'
      WHEN e.flag #>> '{}' LIKE 'Reply while awaiting clarification could not restart the clock%' THEN 'clarification_not_applied'
      ELSE 'note' END,
      'text', e.flag #>> '{}')
    END ORDER BY e.position), '[]'::jsonb)
  FROM jsonb_array_elements("cases"."flags") WITH ORDINALITY AS e(flag, position)
)
WHERE jsonb_typeof("flags") = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements("cases"."flags") AS f(flag) WHERE jsonb_typeof(f.flag) = 'string');
