-- A realistic 1,000,000-case data set for the statistics benchmark (PostgreSQL only).
-- Run against a database freshly migrated by `huiyin migrate`; then `huiyin stats-rebuild`
-- builds the roll-ups. Deterministic (setseed), so two runs give the same figures.
--   10 projects, 3 areas each, 20,000 properties (20 buildings a project), 100,000 customers,
--   5 departments with 50 handlers, 1,000,000 cases over the 3 years before now with a daily
--   rhythm, work orders for every dispatch and a visit for every rating.
-- Case events are not generated: no statistic reads them.
\set ON_ERROR_STOP on
\if :{?cases}
\else
\set cases 1000000
\endif
SET client_min_messages = warning;
SELECT setseed(0.2026) \g /dev/null

CREATE TEMP TABLE b_projects AS
SELECT i, gen_random_uuid() AS id FROM generate_series(0, 9) i;
INSERT INTO projects (id, name, code, address, created_at, updated_at, version)
SELECT id, '项目' || i, 'B' || lpad(i::text, 3, '0'), '深圳市南山区' || i || '号', now(), now(), 1 FROM b_projects;

CREATE TEMP TABLE b_areas AS
SELECT p.i * 3 + a AS i, p.id AS project_id, gen_random_uuid() AS id, a
FROM b_projects p CROSS JOIN generate_series(0, 2) a;
INSERT INTO areas (id, project_id, name, code, created_at, updated_at, version)
SELECT id, project_id, '片区' || (a + 1), 'A' || i, now(), now(), 1 FROM b_areas;

-- 2,000 properties a project: 20 buildings x 5 units x 20 rooms; buildings spread over the areas.
CREATE TEMP TABLE b_properties AS
SELECT n AS i, p.id AS project_id, ar.id AS area_id, gen_random_uuid() AS id,
       (n % 2000) / 100 + 1 AS building, (n % 100) / 20 + 1 AS unit, n % 20 + 1 AS room
FROM generate_series(0, 19999) n
JOIN b_projects p ON p.i = n / 2000
JOIN b_areas ar ON ar.project_id = p.id AND ar.a = ((n % 2000) / 100) % 3;
INSERT INTO properties (id, project_id, area_id, building, unit, room, created_at, updated_at, version)
SELECT id, project_id, area_id, building || '栋', unit || '单元', (room / 2 + 1) * 100 + room, now(), now(), 1
FROM b_properties;
CREATE INDEX ON b_properties (i);

CREATE TEMP TABLE b_customers AS
SELECT n AS i, gen_random_uuid() AS id FROM generate_series(0, 99999) n;
INSERT INTO customers (id, name, tags, notes, search_text, created_at, updated_at, version)
SELECT id, '客户' || i, '', '', '客户' || i || ' 139' || lpad(i::text, 8, '0'), now(), now(), 1 FROM b_customers;
INSERT INTO customer_phones (customer_id, phone, position)
SELECT id, '139' || lpad(i::text, 8, '0'), 0 FROM b_customers;
INSERT INTO customer_properties (customer_id, property_id, relation)
SELECT c.id, p.id, 'owner' FROM b_customers c JOIN b_properties p ON p.i = c.i % 20000;
CREATE INDEX ON b_customers (i);

CREATE TEMP TABLE b_departments AS
SELECT i, gen_random_uuid() AS id, (ARRAY['engineering', 'security', 'cleaning', 'greening', 'service'])[i + 1] AS kind
FROM generate_series(0, 4) i;
INSERT INTO departments (id, name, kind, created_at, updated_at, version)
SELECT id, (ARRAY['工程部', '秩序部', '环境部', '绿化部', '客服部'])[i + 1], kind, now(), now(), 1 FROM b_departments;

CREATE TEMP TABLE b_handlers AS
SELECT n AS i, d.id AS department_id, gen_random_uuid() AS id
FROM generate_series(0, 49) n JOIN b_departments d ON d.i = n % 5;
INSERT INTO users (id, username, display_name, role, department_id, password_hash, active, created_at, updated_at, version)
SELECT id, 'handler' || i, '维修员' || i, 'handler', department_id, 'x', false, now(), now(), 1 FROM b_handlers;

CREATE TEMP TABLE b_categories AS
SELECT (row_number() OVER (ORDER BY code) - 1)::int AS i, id FROM categories WHERE active AND parent_id IS NOT NULL;
SELECT count(*) AS ncat FROM b_categories \gset

-- The cases: draw every random number once, then derive a consistent life story.
CREATE UNLOGGED TABLE b_cases AS
SELECT n,
       gen_random_uuid() AS id,
       date_trunc('day', (now() AT TIME ZONE 'Asia/Shanghai') - make_interval(days => floor(power(random(), 1.15) * 1095)::int))
           + make_interval(mins => floor(480 + random() * 840)::int) AS local_created,
       random() AS r_kind, random() AS r_channel, random() AS r_sev, random() AS r_spot, random() AS r_cancel,
       random() AS r_verify, random() AS r_dispatch, random() AS r_resolve, random() AS r_reply,
       random() AS r_visit, random() AS r_sat, random() AS r_second, random() AS r_stuck, random() AS r_due,
       floor(random() * 20000)::int AS prop, floor(random() * 100000)::int AS cust,
       floor(random() * 50)::int AS handler, random() AS r_cat
FROM generate_series(0, :cases - 1) n;

CREATE UNLOGGED TABLE b_story AS
SELECT s.*,
       (s.local_created AT TIME ZONE 'Asia/Shanghai') AS created_at,
       CASE WHEN r_kind < 0.45 THEN 'repair' WHEN r_kind < 0.65 THEN 'complaint' WHEN r_kind < 0.80 THEN 'inquiry'
            WHEN r_kind < 0.85 THEN 'suggestion' WHEN r_kind < 0.88 THEN 'praise' ELSE 'incident' END AS kind,
       CASE WHEN r_channel < 0.50 THEN 'phone' WHEN r_channel < 0.70 THEN 'wechat' WHEN r_channel < 0.85 THEN 'app'
            WHEN r_channel < 0.93 THEN 'walk_in' WHEN r_channel < 0.97 THEN 'web' WHEN r_channel < 0.99 THEN 'email'
            ELSE 'letter' END AS channel,
       CASE WHEN r_sev < 0.85 THEN 'normal' WHEN r_sev < 0.97 THEN 'major' ELSE 'urgent' END AS severity
FROM b_cases s;
DROP TABLE b_cases;

CREATE UNLOGGED TABLE b_life AS
SELECT s.*,
       (kind IN ('inquiry', 'suggestion', 'praise') AND r_spot < 0.75) AS on_spot,
       (r_cancel < 0.04) AS cancelled,
       created_at + make_interval(mins => floor(5 + r_spot * 25)::int) AS spot_at,
       created_at + make_interval(mins => floor(30 + r_cancel * 3000)::int) AS cancel_at,
       CASE WHEN r_verify < 0.85 THEN created_at + make_interval(mins => floor(10 + r_verify * 400)::int) END AS verify_at,
       created_at + make_interval(mins => floor(10 + power(r_dispatch, 2) * 600)::int) AS dispatch_at,
       CASE WHEN severity = 'urgent' THEN interval '4 hours' WHEN kind = 'complaint' THEN interval '48 hours'
            ELSE interval '24 hours' END AS due_window,
       make_interval(mins => floor(60 + power(r_resolve, 2) * 4320)::int) AS to_resolve,
       make_interval(mins => floor(30 + r_reply * 1440)::int) AS to_reply,
       make_interval(mins => floor(600 + r_visit * 4000)::int) AS to_visit,
       CASE WHEN r_sat < 0.35 THEN 'very_satisfied' WHEN r_sat < 0.85 THEN 'satisfied'
            WHEN r_sat < 0.97 THEN 'dissatisfied' ELSE 'very_dissatisfied' END AS rating,
       (r_second < 0.10) AS second
FROM b_story s;
DROP TABLE b_story;

-- The timeline of each case, cut at "now": what has not happened yet has not happened.
CREATE UNLOGGED TABLE b_final AS
SELECT l.*,
       dispatch_at + to_resolve AS resolve1_at,
       dispatch_at + to_resolve + to_reply AS reply1_at,
       dispatch_at + to_resolve + to_reply + to_visit AS visit1_at,
       -- A second round after a dissatisfied first visit.
       dispatch_at + 2 * to_resolve + 2 * to_reply + to_visit AS resolve2_at,
       dispatch_at + 2 * to_resolve + 3 * to_reply + to_visit AS reply2_at,
       dispatch_at + 2 * to_resolve + 3 * to_reply + 2 * to_visit AS visit2_at,
       -- 1 % of old cases are stuck in progress (the overdue tail).
       (r_stuck < 0.01) AS stuck
FROM b_life l;
DROP TABLE b_life;

CREATE UNLOGGED TABLE b_out AS
SELECT f.*,
       CASE
           WHEN on_spot AND spot_at <= now() THEN 'closed'
           WHEN on_spot THEN 'registered'
           WHEN cancelled AND cancel_at <= now() THEN 'cancelled'
           WHEN cancelled THEN 'registered'
           WHEN dispatch_at > now() THEN 'registered'
           WHEN stuck THEN 'in_progress'
           WHEN resolve1_at > now() THEN CASE WHEN r_resolve < 0.3 THEN 'dispatched' ELSE 'in_progress' END
           WHEN reply1_at > now() THEN 'resolved'
           WHEN visit1_at > now() THEN 'visiting'
           WHEN NOT second THEN 'closed'
           WHEN resolve2_at > now() THEN 'in_progress'
           WHEN reply2_at > now() THEN 'resolved'
           WHEN visit2_at > now() THEN 'visiting'
           ELSE 'closed'
       END AS status
FROM b_final f;
DROP TABLE b_final;

CREATE UNLOGGED TABLE b_ready AS
SELECT o.*,
       NOT on_spot AND NOT (cancelled AND cancel_at <= now()) AND dispatch_at <= now() AS was_dispatched,
       (second AND NOT on_spot AND NOT cancelled AND NOT stuck AND visit1_at <= now()) AS was_second,
       CASE WHEN second AND NOT on_spot AND NOT cancelled AND NOT stuck AND visit1_at <= now()
            THEN visit1_at ELSE dispatch_at END AS last_dispatch_at
FROM b_out o;
DROP TABLE b_out;

INSERT INTO cases (id, number, kind, channel, category_id, severity, status, project_id, area_id, property_id,
                   customer_id, title, description, search_text, reported_at, created_by, department_id, assignee_id,
                   current_work_order_id, dispatch_count, due_at, verified_at, first_dispatched_at, resolved_at,
                   replied_at, closed_at, cancelled_at, closed_on_spot, last_satisfaction, duplicate_of, created_at,
                   updated_at, version)
SELECT r.id,
       'TS-' || to_char(local_created, 'YYYYMMDD') || '-B' || lpad(n::text, 7, '0'),
       kind, channel,
       cat.id,
       severity, status, p.project_id, p.area_id, p.id, cu.id,
       kind || '：' || p.building || '栋' || p.unit || '单元', '由基准数据生成', 'TS-B' || n || ' ' || kind,
       created_at, NULL,
       CASE WHEN was_dispatched THEN h.department_id END,
       CASE WHEN was_dispatched THEN h.id END,
       NULL,
       CASE WHEN NOT was_dispatched THEN 0 WHEN was_second THEN 2 ELSE 1 END,
       CASE WHEN was_dispatched THEN last_dispatch_at + due_window
                + CASE WHEN r_due < 0.15 THEN -due_window / 2 ELSE interval '0' END END,
       CASE WHEN NOT on_spot AND verify_at <= now() THEN verify_at END,
       CASE WHEN was_dispatched THEN dispatch_at END,
       CASE WHEN status IN ('resolved', 'visiting', 'closed') AND NOT on_spot
            THEN CASE WHEN was_second THEN resolve2_at ELSE resolve1_at END END,
       CASE WHEN status IN ('visiting', 'closed') AND NOT on_spot
            THEN CASE WHEN was_second THEN reply2_at ELSE reply1_at END END,
       CASE WHEN status = 'closed' THEN CASE WHEN on_spot THEN spot_at WHEN was_second THEN visit2_at ELSE visit1_at END END,
       CASE WHEN status = 'cancelled' THEN cancel_at END,
       on_spot AND status = 'closed',
       CASE WHEN status = 'closed' AND NOT on_spot THEN CASE WHEN was_second THEN 'satisfied' ELSE
                CASE WHEN rating IN ('dissatisfied', 'very_dissatisfied') THEN 'satisfied' ELSE rating END END
            WHEN was_second THEN rating END,
       NULL,
       created_at,
       created_at,
       1
FROM b_ready r
JOIN b_properties p ON p.i = r.prop
JOIN b_customers cu ON cu.i = r.cust
JOIN b_handlers h ON h.i = r.handler
LEFT JOIN b_categories cat ON r.r_cat < 0.95 AND cat.i = floor(r.r_cat * 1000)::int % :ncat;

-- One work order per dispatch, one visit per rating.
INSERT INTO work_orders (id, case_id, sequence, department_id, assignee_id, status, due_at, dispatched_at,
                         accepted_at, completed_at, result)
SELECT gen_random_uuid(), c.id, 1, c.department_id, c.assignee_id,
       CASE WHEN c.dispatch_count = 1 AND c.status IN ('dispatched') THEN 'open'
            WHEN c.dispatch_count = 1 AND c.status = 'in_progress' THEN 'accepted' ELSE 'done' END,
       c.first_dispatched_at + interval '24 hours', c.first_dispatched_at, c.first_dispatched_at + interval '30 minutes',
       CASE WHEN c.dispatch_count = 2 OR c.resolved_at IS NOT NULL THEN coalesce(c.resolved_at, c.first_dispatched_at) END,
       '已处理'
FROM cases c WHERE c.dispatch_count >= 1;
INSERT INTO work_orders (id, case_id, sequence, department_id, assignee_id, status, due_at, dispatched_at,
                         accepted_at, completed_at, result)
SELECT gen_random_uuid(), c.id, 2, c.department_id, c.assignee_id,
       CASE WHEN c.status IN ('resolved', 'visiting', 'closed') THEN 'done' ELSE 'accepted' END,
       c.due_at, c.due_at - interval '24 hours', c.due_at - interval '23 hours', c.resolved_at, '二次处理'
FROM cases c WHERE c.dispatch_count = 2;
INSERT INTO visits (id, case_id, work_order_id, visitor_id, reached, satisfaction, comment, created_at)
SELECT gen_random_uuid(), c.id, NULL, NULL, true, c.last_satisfaction, NULL, coalesce(c.closed_at, c.replied_at, c.created_at)
FROM cases c WHERE c.last_satisfaction IS NOT NULL;

DROP TABLE b_ready;
ANALYZE;
SELECT status, count(*) FROM cases GROUP BY status ORDER BY 2 DESC;
