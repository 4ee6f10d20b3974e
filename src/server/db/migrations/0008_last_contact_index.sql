-- The last contact that happened with a person, found without reading all of their contacts: the
-- pre-visit brief's "last contact" and each check-in rhythm's last contact take the first entry of
-- this index, however long the person's history. Without it both read every contact the person has
-- ever had (about a hundred after four years of fortnightly visits) to pick the latest
-- (docs/performance.md, "Brief and recording at scale").
CREATE INDEX contacts_happened_by_person ON contacts (organisation_id, person_id, (coalesce(actual_start, received_at)) DESC)
  WHERE status IN ('made', 'attempted');

-- What was agreed in a contact: the promises made in it, without reading all of the person's.
CREATE INDEX commitments_by_contact ON commitments (organisation_id, made_in_contact_id)
  WHERE made_in_contact_id IS NOT NULL;
