-- The incremental indicator refresh finds the rows delivered since its last run by delivery_id
-- (H2 has no BRIN; H2 stores are small, a plain index costs little).
CREATE INDEX attendance_delivery_ix ON attendance (delivery_id);
CREATE INDEX training_delivery_ix ON training (delivery_id);
CREATE INDEX research_delivery_ix ON research (delivery_id);
