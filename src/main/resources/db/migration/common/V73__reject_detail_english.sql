-- Reject details are written in Chinese for the people who fix exports (issue 12, item 7); the
-- same detail in English is kept beside it for rejects.csv's detail_en and for operators. Rows of
-- earlier runs keep their (English) detail and have no detail_en.
ALTER TABLE reject_row ADD COLUMN detail_en VARCHAR(4000);
