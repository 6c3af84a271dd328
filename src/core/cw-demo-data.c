/* cw-demo-data.c: the content of the demo workspace.
 *
 * Kestrelbrook Managed IT Ltd is a fictional managed-service provider that is
 * preparing for ISO/IEC 20000-1:2018 certification. Every name, document ID
 * and record number below is invented. The text is Clausewise's own: it never
 * quotes the standard, it only cites clause numbers.
 *
 * The completed audit is a full internal audit, bar one clause left for
 * later, with the spread of results a real first audit tends to have; the
 * audit in progress follows up its change management findings.
 */

#include "cw-demo-data.h"

#include <stddef.h>

/* The organisation */

const CwDemoOrganisation cw_demo_organisation = {
  .name = "Kestrelbrook Managed IT Ltd",
  .scope =
    "The service management system of Kestrelbrook Managed IT Ltd covers the "
    "planning, design, transition, delivery and improvement of the managed IT "
    "services listed below, provided to business customers in the United Kingdom "
    "from the Leeds head office and the Wakefield operations centre. Colocation "
    "space, connectivity and software licences bought from external suppliers are "
    "managed within the system. Hardware resale and bespoke software development "
    "are outside the scope.",
  .services =
    "Service desk (24x7 first- and second-line support)\n"
    "Managed workplace (laptops, mobile devices and office software)\n"
    "Managed hosting (virtual servers in two colocated data centres)\n"
    "Managed network and firewall\n"
    "Backup and recovery",
  .certification_body = "Fernhollow Certification Services Ltd",
  .stage_one = "2026-11-09",
  .stage_two = "2027-04-12",
};

/* A three-year cycle from January 2025. Change activities carry last
 * September's major; information security and incidents matter most to
 * the customers; the organisation's context changes slowly. Budgeting and
 * accounting (8.4.1), of normal importance, was due for its first audit by
 * July 2026; the September audit left it out, so the programme shows it
 * overdue, and it stays so until an audit of it is issued. */
const char *const cw_demo_programme_start = "2025-01-01";

const CwDemoImportance cw_demo_importances[] = {
  { "8.5.1.3", "high" },
  { "8.6.1", "high" },
  { "8.7.3.1", "high" },
  { "4.1", "low" },
  { "4.2", "low" },
  { NULL, NULL },
};

const CwDemoPerson cw_demo_people[] = {
  { "Owen Castellane", "Service manager (SMS owner)", "4,5,6" },
  { "Fiona Lindqvist", "Quality manager and internal audit lead", "7.5,9.2,10.1" },
  { "Tomasz Brennan", "Change and release manager", "8.5.1,8.5.3" },
  { "Aisha Merriman", "Service desk lead", "8.6.1,8.6.2" },
  { "Declan Ashworth", "Problem manager", "8.6.3" },
  { "Harriet Nkemelu", "Supplier manager", "8.3.4" },
  { "Rhys Penhallow", "Information security officer", "8.7.3" },
  { "Margaret Sefton", "Internal auditor (external contractor)", "" },
  { NULL, NULL, NULL }
};

/* The whole-system audit reaches the lead's and a team member's own areas:
 * a small organisation has few auditors, so the work was split instead. */
static const CwDemoJustification completed_justifications[] = {
  { "Fiona Lindqvist",
    "Kestrelbrook has two trained internal auditors. Fiona Lindqvist led the audit and ran "
    "its meetings, but Margaret Sefton, an external contractor, audited 7.5, 9.2 and 10.1 "
    "and graded every finding on them." },
  { "Declan Ashworth",
    "Declan Ashworth joined the team for incident and service request management only; "
    "Margaret Sefton audited problem management (8.6.3)." },
  { NULL, NULL }
};

/* The completed audit: the first full internal audit */

const CwDemoAudit cw_demo_completed_audit = {
  .title = "Internal audit 2026: service management system",
  .objectives =
    "Determine whether the service management system conforms to ISO/IEC "
    "20000-1:2018 and to Kestrelbrook's own policies and procedures, and whether "
    "it is working in practice, two months before the Stage One audit. Nobody "
    "audited their own area: Margaret Sefton audited clauses 7.5, 8.6.3, 9.2 and "
    "10.1, because the quality manager owns 7.5, 9.2 and 10.1 and the problem "
    "manager sits on the audit team. Budgeting and accounting for services "
    "(8.4.1) is left out: the finance manager, who runs it alone, is on leave "
    "that week, and it is to be audited on its own in October.",
  .criteria =
    "ISO/IEC 20000-1:2018 clauses 4 to 10 except 8.4.1. The service management policy SMP-01 "
    "v2, the service management plan SMPL-01 v3, and the procedures and SLAs in "
    "the document register DR-01 as it stood on 7 Sep 2026.",
  .scope = "4,5,6,7,8.1,8.2,8.3,8.4.2,8.4.3,8.5,8.6,8.7,9,10",
  .start = "2026-09-14",
  .end = "2026-09-18",
  .lead = "Fiona Lindqvist",
  .team = "Margaret Sefton, Declan Ashworth",
  .auditees =
    "Owen Castellane (service manager), "
    "Tomasz Brennan (change and release manager), "
    "Aisha Merriman (service desk lead), "
    "Declan Ashworth (problem manager), "
    "Harriet Nkemelu (supplier manager), "
    "Rhys Penhallow (information security officer), "
    "Fiona Lindqvist (quality manager)",
  .sites = "Head office, 4 Quayside Lane, Bristol (service desk and operations centre)\n"
           "Data centre DC-2, Avonmouth (managed hosting), visited on 16 Sep 2026",
  .opening_on = "2026-09-14",
  .opening_attendees = "Fiona Lindqvist (lead auditor)\nMargaret Sefton (auditor)\n"
                       "Declan Ashworth (auditor)\nOwen Castellane (service manager)\n"
                       "Tomasz Brennan (change and release manager)\n"
                       "Aisha Merriman (service desk lead)",
  .closing_on = "2026-09-18",
  .closing_attendees = "Fiona Lindqvist (lead auditor)\nMargaret Sefton (auditor)\n"
                       "Declan Ashworth (auditor)\nOwen Castellane (service manager)\n"
                       "Harriet Nkemelu (supplier manager)\nRhys Penhallow (information "
                       "security officer)",
  .auditee_response =
    "The service manager accepted all findings and committed to action plans for the "
    "two majors within two weeks. He asked that the continuity test be scheduled "
    "before the Stage One audit.",
  .diverging_opinions =
    "The change and release manager holds that telephone approvals of emergency "
    "changes were valid approvals that were only not recorded. The audit team keeps "
    "the major grade: without a record, neither the approval nor the later CAB "
    "review can be shown to have happened. Not resolved at the meeting.",
  .justifications = completed_justifications,
};

/* The plan's schedule of the completed audit. */
const CwDemoSession cw_demo_completed_sessions[] = {
  { "2026-09-14", "09:00–09:30", "Opening meeting", "Owen Castellane", "Fiona Lindqvist" },
  { "2026-09-14", "09:30–12:30", "4 Context, 5 Leadership, 6 Planning", "Owen Castellane",
    "Fiona Lindqvist" },
  { "2026-09-14", "13:30–17:00", "8.6.1 Incident management, 8.6.2 Service requests",
    "Aisha Merriman", "Declan Ashworth" },
  { "2026-09-15", "09:00–12:30", "8.5 Change, release and transition", "Tomasz Brennan",
    "Fiona Lindqvist" },
  { "2026-09-15", "13:30–17:00", "8.2 Service portfolio, 8.2.6 Configuration",
    "Owen Castellane", "Declan Ashworth" },
  { "2026-09-16", "09:00–12:30", "8.7 Service assurance (at DC-2)", "Rhys Penhallow",
    "Fiona Lindqvist" },
  { "2026-09-16", "13:30–17:00", "8.3 Relationship and agreement, 8.4.2 Demand, 8.4.3 Capacity",
    "Harriet Nkemelu", "Fiona Lindqvist" },
  { "2026-09-17", "09:00–12:30", "7 Support, 8.6.3 Problem management", "Owen Castellane",
    "Margaret Sefton" },
  { "2026-09-17", "13:30–17:00", "9.1 Monitoring, 9.2 Internal audit, 9.4 Service reporting",
    "Fiona Lindqvist", "Margaret Sefton" },
  { "2026-09-18", "09:00–12:00", "9.3 Management review, 10 Improvement",
    "Fiona Lindqvist", "Margaret Sefton" },
  { "2026-09-18", "15:00–16:00", "Closing meeting", "Owen Castellane", "Fiona Lindqvist" },
  { NULL }
};

const CwDemoAnswer cw_demo_completed_answers[] = {
  /* 4 Context */
  { "4.1", 1, "conforming",
    "Context register CTX-01 v2 (approved by the service manager, 12 Jan 2026) "
    "lists internal and external issues, among them the loss of a large hosting "
    "customer and rising energy costs at the colocation sites. Last reviewed at "
    "management review MR-2026-01." },
  { "4.1", 2, "conforming",
    "Issue 7 of CTX-01 v2 (energy costs at the colocation sites) was "
    "traced to risk R-14 in RR-2026 and to the hosting cost line of "
    "BUD-2026 with the service manager." },
  { "4.1", 3, "conforming",
    "The service manager named the loss of the large hosting customer "
    "and the ageing hypervisor cluster; both appear in CTX-01 v2 and as "
    "risks R-09 and R-22 in RR-2026." },
  { "4.1", 4, "conforming",
    "Issues raised between reviews are logged at the monthly operations meeting and "
    "carried into CTX-01 at its next review; OPS-2026-07 item 5 (new data "
    "protection guidance) is queued." },
  { "4.2", 1, "conforming",
    "CTX-01 v2 section 3 names the interested parties (customers, staff, the four "
    "critical suppliers, the owners, the data protection regulator) and what each "
    "needs from the services. Customer needs trace to the SLAs sampled at 8.3.3." },
  { "4.2", 2, "conforming",
    "Customer C014: requirements are in onboarding record ONB-C014 and "
    "carried into SLA-C014 and contract schedule 2, both confirmed with the "
    "customer at the 9 Jul 2026 review." },
  { "4.2", 3, "conforming",
    "Obligations register LEG-01 v2 lists 14 items (UK GDPR, licence terms, "
    "customer data location clauses); kept by the information security "
    "officer, last checked 30 Jun 2026." },
  { "4.2", 4, "conforming",
    "Onboarding customers C045 and C046 in Jul 2026 triggered the "
    "interested-party check in step 4 of onboarding checklist ONB-01; both "
    "completed checklists are signed." },
  { "4.3", 1, "conforming",
    "Scope statement SCO-01 v2 names the five services, both sites and the two "
    "exclusions (hardware resale, bespoke development). It matches the service "
    "catalogue SC-01 v4 and the SMS scope shown on the customer portal." },
  { "4.3", 2, "conforming",
    "No catalogue service lies outside the scope; hardware resale and "
    "bespoke development are not in SC-01 v4, and SCO-01 v2 section 4 "
    "records why they were left out." },
  { "4.3", 3, "conforming",
    "SCO-01 v2 section 2 cites CTX-01 v2: customers contract for the five "
    "managed services, so the boundary follows those contracts, as the service "
    "manager explained on 14 Sep 2026." },
  { "4.3", 4, "conforming",
    "SCO-01 v2 names colocation (CT-102), connectivity (CT-107) and the licence "
    "suppliers as external parties managed under supplier procedure SUP-01 v2." },
  { "4.4", 1, "conforming",
    "Process map PM-01 v2 shows 21 processes with their inputs and "
    "outputs; the service manager walked through it on 14 Sep 2026 and it "
    "agrees with SMPL-01 v3 section 5." },
  { "4.4", 2, "conforming",
    "RACI-01 v4 names an owner for all 21 processes; OPS-2026-08 shows three of "
    "them reporting their own measures and closing actions they had raised." },
  { "4.4", 3, "conforming",
    "Problem-to-change hand-off: PRB-0398 (DNS time-outs) raised "
    "RFC-2288, implemented on 9 Jul 2026 and linked back; the "
    "problem was closed on 6 Aug 2026." },
  { "4.4", 4, "conforming",
    "Since IA-2026-02 (Jun 2026) RACI-01 v4 took effect and self-service "
    "password reset went live after sign-off at OPS-2026-06; staff "
    "bulletin SB-2026-07 announced both." },

  /* 5 Leadership */
  { "5.1", 1, "conforming",
    "Interview with the managing director, 14 Sep 2026: she follows first-contact "
    "resolution (68 per cent against 70 in Aug 2026), the change success rate and "
    "managed hosting availability, and named the August availability miss as her "
    "main concern; the board minutes of Jul and Aug 2026 show all three discussed." },
  { "5.1", 2, "conforming",
    "The managing director cited the two service desk posts funded in BUD-2026 "
    "after the Q4 2025 backlog; board minute 2025-12 item 4 records the approval." },
  { "5.1", 3, "conforming",
    "Board agenda template BA-01 carries service performance and the "
    "SMS as item 3; the Aug 2026 minutes record a discussion of the "
    "managed hosting availability miss." },
  { "5.1", 4, "conforming",
    "After the Aug 2026 hosting availability miss, the managing director asked "
    "for a customer letter and a root cause review (PRB-0412), as the board "
    "minutes of 27 Aug 2026 show." },
  { "5.1", 5, "conforming",
    "Interview, 14 Sep 2026: the managing director refused a sales "
    "request to skip the CAB for a customer go-live in Jul 2026; the "
    "reply email of 16 Jul 2026 was seen." },
  { "5.2.1", 1, "conforming",
    "Service management policy SMP-01 v2, approved 9 Feb 2026. It fits the "
    "company's purpose, gives the frame for the objectives in OBJ-2026 and states "
    "the commitments expected. Review due Feb 2027." },
  { "5.2.1", 2, "conforming",
    "First-contact resolution (OBJ-2026 item 1) traces to SMP-01 v2 "
    "commitment 2 on customer experience, and change success rate (item 4) to "
    "commitment 4 on controlled change." },
  { "5.2.1", 3, "conforming",
    "SMP-01 v2 names the five managed services, the 24x7 service desk and the "
    "two-site hosting model; another provider could not adopt it without rewriting." },
  { "5.2.1", 4, "conforming",
    "v2 replaced v1 on 9 Feb 2026, after the context review behind CTX-01 v2 "
    "added commitments on supplier control and information security; the "
    "change log on page 1 says so." },
  { "5.2.2", 1, "conforming",
    "SMP-01 v2 has been on the intranet since 10 Feb 2026 and is part of the "
    "induction checklist IND-01. Five staff asked at the service desk and the "
    "operations centre could all say where to find it and what it means for "
    "their work." },
  { "5.2.2", 2, "conforming",
    "v2 was briefed at team meetings in Feb 2026 (attendance sheets "
    "seen), and the intranet read report shows all 36 staff then in SMS "
    "roles had opened it by 6 Mar 2026." },
  { "5.2.2", 3, "conforming",
    "Under COM-01 v1 the policy goes to the four critical suppliers and "
    "onto the customer portal; the cover emails of 12 Feb 2026 to "
    "CT-102 and CT-107 were seen." },
  { "5.2.2", 4, "conforming",
    "The intranet copy of SMP-01 v2 was compared with the signed master "
    "held under DR-01 on 14 Sep 2026: same version, date and text; no older "
    "copy found on the shared drive." },
  { "5.3", 1, "conforming",
    "RACI-01 v4 (Jun 2026) names an owner for each process and makes the service "
    "manager responsible for reporting SMS performance to top management. Job "
    "descriptions of 4 sampled roles agree with RACI-01 v4." },
  { "5.3", 2, "conforming",
    "RACI-01 v4 gives the on-call ECAB member that authority; RFC-2273 "
    "(5 Jul 2026, 02:10) carries such an approval, while seven other emergency "
    "changes lack one (major at 8.5.1.3)." },
  { "5.3", 3, "conforming",
    "The service manager reports to the board each month; SMS report "
    "SMR-2026-08, covering KPIs, audits and risks, was seen with the "
    "board minutes of 27 Aug 2026." },
  { "5.3", 4, "conforming",
    "RACI-01 v4 names a deputy for each process owner; the deputy chaired the "
    "CAB during the change and release manager's leave in Aug 2026 (minutes "
    "of 11 and 18 Aug 2026 seen)." },
  { "5.3", 5, "conforming",
    "The supplier manager described her limits (contract variations up to "
    "GBP 10,000, above that the service manager), which match RACI-01 v4 "
    "and her role description JD-07." },

  /* 6 Planning */
  { "6.1", 1, "conforming",
    "Risk procedure RSK-01 v2 sets a 5x5 scoring scale and the acceptance "
    "criteria (score 8 or below may be accepted by the process owner). Risk "
    "register RR-2026 holds 31 risks; 5 sampled all had an owner, a treatment and "
    "a review within the last 6 months." },
  { "6.1", 2, "conforming",
    "Risks R-09, R-14 and R-22 sampled: each has an owner and a dated treatment, "
    "and the owner's review notes of Jun 2026 state whether the treatment worked." },
  { "6.1", 3, "conforming",
    "RR-2026 tags 9 of its 31 risks as coming from other parties, e.g. "
    "R-17 (single connectivity supplier CT-107), treated by a second "
    "carrier quotation due Nov 2026." },
  { "6.1", 4, "conforming",
    "Opportunity O-03 (self-service password reset) was approved in "
    "Mar 2026 and delivered in Jun 2026; it is also item IMP-2026-011 "
    "in the improvement register." },
  { "6.1", 5, "conforming",
    "R-22 (end-of-life hypervisor cluster) dropped from 16 to 6 once RFC-2188 "
    "replaced the cluster in May 2026; the rating change is dated 3 Jun 2026." },
  { "6.2.1", 1, "conforming",
    "Objectives OBJ-2026 (e.g. first-contact resolution 70 per cent, change success "
    "rate 95 per cent) are measurable, each has an owner and a date, and progress "
    "is tracked monthly on dashboard KPI-2026 (Jul 2026 status seen)." },
  { "6.2.1", 2, "conforming",
    "OBJ-2026 cross-refers each objective to an SMP-01 v2 commitment and to a "
    "customer target, e.g. P1 resolution within 4 hours from SLA-GEN v5 section 3." },
  { "6.2.1", 3, "conforming",
    "The service desk lead named first-contact resolution and request fulfilment "
    "time, and showed the weekly wallboard figures that feed KPI-2026." },
  { "6.2.1", 4, "conforming",
    "At MR-2026-01 the change success target of OBJ-2026 was raised from 92 to 95 "
    "per cent, because 2025 had ended at 96; the decision and its reason are item 4 "
    "of the minutes." },
  { "6.2.2", 1, "conforming",
    "First-contact resolution was 68 per cent in Aug 2026 against 70; the service "
    "desk lead owns plan OBJ-2026-P1 (articles for the top 20 call types, due Oct "
    "2026)." },
  { "6.2.2", 2, "conforming",
    "Change success rate (OBJ-2026 item 4): plan OBJ-2026-P4, owned by the change "
    "and release manager, sets a DNS pre-check, peer review of firewall changes and "
    "a CAB review of every failed change, each with a date in Q2 or Q3 2026; no "
    "extra budget was needed." },
  { "6.2.2", 3, "conforming",
    "Each plan names the KPI-2026 measure that shows whether it worked; the "
    "progress of OBJ-2026-P1 and OBJ-2026-P4 was reported at OPS-2026-08, and both "
    "are on the agenda of MR-2026-02." },
  { "6.3", 1, "conforming",
    "Service management plan SMPL-01 v3 (approved 4 Apr 2026) covers objectives, "
    "known limitations, roles, resources, process interfaces and the timetable to "
    "certification. Reviewed at MR-2026-01." },
  { "6.3", 2, "conforming",
    "SMPL-01 v3 section 4 records two limitations (a single connectivity "
    "supplier, capacity data gathered by hand), each linked to a risk or an "
    "improvement item with an owner." },
  { "6.3", 3, "conforming",
    "SMPL-01 v3 section 2 lists the same five services as SC-01 v4 and nothing "
    "retired; catalogue options such as email archiving are not listed in the plan." },
  { "6.3", 4, "conforming",
    "SMPL-01 v3 section 9 requires a review at each management review and after any "
    "major change under CMP-01 v3; v3 itself followed MR-2026-01." },

  /* 7 Support */
  { "7.1", 1, "conforming",
    "BUD-2026 funded two more service desk analysts from Q3; both started in July "
    "2026 (confirmed with the service desk lead, 15 Sep 2026). ITSM tool licences "
    "cover all 41 staff in SMS roles." },
  { "7.1", 2, "conforming",
    "Single-engineer night cover at the operations centre was raised "
    "in OPS-2026-05; a second on-call engineer was added to the rota "
    "from 1 Jul 2026 (rota seen)." },
  { "7.1", 3, "conforming",
    "The processes depend on the ITSM tool (SaaS, contract CT-110) and "
    "the monitoring platform; outage procedure TOP-01 v1 was last used "
    "on 2 Jun 2026, for 40 minutes." },
  { "7.1", 4, "conforming",
    "The service desk lead spends about a third of her week on incident and "
    "request process work, protected in her objectives since the July "
    "hires, and considers it enough." },
  { "7.2", 1, "conforming",
    "Role profile JD-03 and matrix HR-CM-01 v2 ask of the change manager a change "
    "management qualification and two years' change experience; Tomasz Brennan's "
    "record holds his 2021 certificate, his CV and a 2025 assessment signed by the "
    "service manager." },
  { "7.2", 2, "minor",
    "10 staff in SMS roles sampled, 5 of them from the incident team. Three "
    "second-line analysts with over a year's service have the ITSM tool course in "
    "the training log and a 2025 assessment against HR-CM-01 v2; the two analysts "
    "who joined in Jul 2026, and an operations centre engineer, have no record at "
    "all. See the finding." },
  { "7.2", 3, "conforming",
    "IA-2026-01 found no major incident training for night staff; a course ran on "
    "12 May 2026, and a scored drill on 9 Jun 2026 showed the gap had closed." },
  { "7.2", 4, "conforming",
    "Supplier engineers must hold the certifications in CT-107 "
    "schedule 4; the supplier manager showed certificates for the three "
    "engineers who worked on site in 2026." },
  { "7.2", 5, "conforming",
    "Checked by Margaret Sefton: lead auditor certificates for Fiona Lindqvist "
    "(2024) and herself (2022), and an internal auditor course for Declan "
    "Ashworth (Mar 2026), are on file." },
  { "7.3", 1, "conforming",
    "Two operations centre engineers, 15 Sep 2026, said an unapproved fix can "
    "clash with scheduled work or breach an SLA, and knew that emergency "
    "fixes need ECAB approval too." },
  { "7.3", 2, "conforming",
    "Three service desk analysts linked accurate categorisation and prompt "
    "updates to the SLA resolution targets, and all knew the 70 per cent "
    "first-contact resolution target." },
  { "7.3", 3, "conforming",
    "Induction checklist IND-01 covers SMP-01 v2, ISP-01 v3 and the ITSM tool; "
    "the checklist of the latest starter (operations centre, joined "
    "24 Aug 2026) is signed by both parties." },
  { "7.3", 4, "conforming",
    "INC-01 v3 was briefed to every service desk shift in Apr 2026 "
    "with a 10-question quiz; the results for 22 analysts were seen, "
    "the lowest score being 8 of 10." },
  { "7.4", 1, "conforming",
    "Communication plan COM-01 v1 sets what is communicated, to whom, when and by "
    "whom. Customer newsletters of Jun, Jul and Aug 2026 and the supplier bulletin "
    "of 2 Jul 2026 seen." },
  { "7.4", 2, "conforming",
    "Major incident MI-2026-05 (19 Aug 2026, 80-minute hosting storage outage): "
    "the service desk lead sent the first customer notice 18 minutes after "
    "declaring it, kept on INC-60731." },
  { "7.4", 3, "conforming",
    "Customers get the monthly service report, a newsletter and "
    "maintenance notices 5 working days ahead; the notice of 4 Sep 2026 "
    "for data centre maintenance was seen." },
  { "7.4", 4, "conforming",
    "Newsletter opens are tracked (Aug 2026: 61 per cent of 212 contacts) and "
    "service reviews ask whether notices were clear; the C014 minutes of "
    "9 Jul 2026 record the answer." },
  { "7.5.1", 1, "conforming",
    "Audited by Margaret Sefton. DOC-01 v2 section 2 asks for a written procedure "
    "where a task is done rarely, by several teams or under contract: the yearly "
    "restore test has one (BKP-02), while laptop imaging is left to a trained team "
    "working from a checklist." },
  { "7.5.1", 2, "conforming",
    "The change log of DR-01 shows release procedure RDP-01 added in Mar 2026 after "
    "IA-2026-01, and the paper visitor book dropped when both sites moved to badge "
    "records in May 2026." },
  { "7.5.1", 3, "conforming",
    "Fulfilment instruction FUL-01 (new user account) is opened about 40 times a "
    "month, the intranet statistics show; two analysts said it holds the "
    "customer-specific approvals nobody could otherwise remember." },
  { "7.5.2", 1, "conforming",
    "DOC-01 v2 sets the rules: the owner drafts, the quality manager checks "
    "identification and format, the process owner approves, and each document is "
    "reviewed within 12 months. INC-01 shows its history from v1 (2024) to v3 (Apr "
    "2026), each version with its approver and a summary of the change." },
  { "7.5.2", 2, "conforming",
    "SMP-01 v2 (managing director, 9 Feb 2026), CMP-01 v3 (service manager, 2 Mar "
    "2026) and SCP-01 v2 (service manager, 14 May 2024): each approval is recorded "
    "in DR-01 and matches the signed master." },
  { "7.5.2", 3, "observation",
    "Nine documents in DR-01 reach the 12-month review limit of DOC-01 v2 between "
    "Oct and Dec 2026, but DR-01 shows no planned date or reviewer for any of them, "
    "and nothing reminds their owners. See the finding." },
  { "7.5.3", 1, "conforming",
    "A change engineer showed that procedures open only from the intranet, which "
    "shows the DR-01 version; printed copies carry an uncontrolled-copy footer." },
  { "7.5.3", 2, "conforming",
    "Incident and change records are held in the ITSM tool for 6 years under "
    "retention schedule RET-01 v1; closed records are read-only except to the 2 "
    "named tool administrators." },
  { "7.5.3", 3, "conforming",
    "External documents are listed in DR-01 part B with source and review date; "
    "contract CT-102 and the hypervisor vendor guide were both at their current "
    "versions." },
  { "7.5.3", 4, "conforming",
    "Superseded versions go to the DR-01 archive, which only the quality manager "
    "and the document owners can read; the intranet shows the current version "
    "alone. Two analysts asked to find INC-01 v2 could not." },
  { "7.5.4", 1, "conforming",
    "DR-01 lists the 30 controlled documents with their locations; Margaret Sefton "
    "opened 5 of them from the recorded locations without error on 17 Sep 2026." },
  { "7.5.4", 2, "conforming",
    "Every document on the certification body's Stage One list is approved in "
    "DR-01; the continuity plan SCP-01 v2 is approved but out of date (see 8.7.2), "
    "and the service manager plans v3 before Stage One." },
  { "7.5.4", 3, "conforming",
    "Incident management: INC-01 v3 and the 1,102 incidents closed in Aug 2026; "
    "change management: CMP-01 v3 and the 48 changes closed in Aug 2026, all held "
    "in the ITSM tool." },
  { "7.6", 1, "conforming",
    "Knowledge base: 412 published articles, each with an owner and a review date; "
    "10 sampled were all reviewed in the last 12 months. A handover note was kept "
    "for the operations centre engineer who left in Aug 2026." },
  { "7.6", 2, "conforming",
    "KB-0907 (VPN client reset, created 11 Jul 2026) was drafted by an "
    "analyst, reviewed by the service desk lead on 14 Jul and published "
    "with a 12-month review date." },
  { "7.6", 3, "conforming",
    "The service manager named the senior storage engineer; a second "
    "engineer has shadowed storage work since Jun 2026, and runbook "
    "RB-STO-01 was written in Jul 2026." },
  { "7.6", 4, "conforming",
    "Major incident review MIR-2026-05 produced KB-0921 (storage "
    "controller failover), published 28 Aug 2026; the problem closure form "
    "asks for a knowledge article link." },

  /* 8 Operation */
  { "8.1", 1, "conforming",
    "Incident and change management sampled: SMPL-01 v3 section 6 sets their "
    "criteria (P1 restored within 4 hours, change success rate at least 95 per "
    "cent) and their controls; both owners review them at the monthly operations "
    "meeting (minutes OPS-2026-06 to OPS-2026-08 seen, actions followed up)." },
  { "8.1", 2, "conforming",
    "The only process work done by another party is the colocation "
    "supplier's remote hands (CT-102); each job is ticketed, and all 6 jobs "
    "of Aug 2026 were logged and closed." },
  { "8.1", 3, "conforming",
    "The unplanned departure of an operations centre engineer in Aug 2026 "
    "was reviewed in OPS-2026-08; the night rota and open tasks were "
    "reassigned (handover note seen)." },
  { "8.1", 4, "conforming",
    "SMPL-01 v3 commitment 6.2 (monthly KPI review) is agenda item 2 of the "
    "operations meeting; the Aug 2026 agenda and minutes show it was done." },
  { "8.2.1", 1, "conforming",
    "The five services of SCO-01 v2 are all that is sold: the Aug 2026 billing run "
    "holds no other service line. The email archiving option, being withdrawn under "
    "PFR-2026-06, is run inside the SMS until its last customer leaves." },
  { "8.2.1", 2, "conforming",
    "Backup and recovery: portfolio entry PF-05 names the operations centre "
    "team, the backup software and storage supplier CT-104, matching the "
    "rota, asset register and SR-01." },
  { "8.2.1", 3, "conforming",
    "The service desk lead's weekly check found night staff closing "
    "requests without customer confirmation; OPS-2026-07 records it and a "
    "briefing on 20 Jul 2026 corrected it." },
  { "8.2.1", 4, "conforming",
    "The operations centre stand-up reviews open P1 and P2 incidents "
    "against the change schedule; on 16 Sep 2026 RFC-2351 was deferred "
    "because of an open P2 on the same host." },
  { "8.2.2", 1, "conforming",
    "Managed network requirements SRQ-03 v2 (first issued 2020) were last confirmed "
    "through the SLA reviews; customer C014 confirmed them on 9 Jul 2026." },
  { "8.2.2", 2, "conforming",
    "PFR-2026-06 ranked three proposals by demand, margin and risk; the "
    "SD-WAN option came first, and the decision is minuted with the "
    "managing director's approval." },
  { "8.2.2", 3, "conforming",
    "The email archiving option is next to retire: PFR-2026-06 set the "
    "plan for data export, contract ends and customer notices, now "
    "carried out under RTP-2026-01." },
  { "8.2.2", 4, "conforming",
    "SD-WAN plan SDT-2026-02 includes a resource check signed by the "
    "service manager and a capacity confirmation from the proposed "
    "SD-WAN supplier dated 28 Jul 2026." },
  { "8.2.2", 5, "conforming",
    "Service dependencies are in SC-01 v4 appendix A (hosting depends on network "
    "and backup); change assessors used it for the impact section of RFC-2301." },
  { "8.2.2", 6, "conforming",
    "SC-01 v4 rates managed hosting and the managed network critical, the service "
    "desk and backup high, and managed workplace standard; the rating sets the "
    "impact scale of PRI-01 v2, the services SCP-01 v2 covers and which suppliers "
    "SR-01 treats as critical." },
  { "8.2.3", 1, "conforming",
    "Lifecycle table LCP-02 for managed hosting names the colocation and "
    "hypervisor suppliers stage by stage, each with an accountable "
    "Kestrelbrook owner from RACI-01 v4." },
  { "8.2.3", 2, "conforming",
    "The colocation supplier sends a monthly remote hands and environment "
    "report under CT-102; the Jun to Aug 2026 reports were received and "
    "initialled by the service manager." },
  { "8.2.3", 3, "conforming",
    "Supplier remote access is opened only against an approved RFC "
    "through the privileged access gateway; the Aug 2026 gateway log "
    "shows 4 sessions, each with an RFC." },
  { "8.2.3", 4, "conforming",
    "CI records carry a supported-by field: the firewalls and circuits sampled show "
    "CT-107 and the racks show CT-102, in line with supplier register SR-01." },
  { "8.2.4", 1, "ofi",
    "SC-01 v4 is approved and current; the customer portal catalogue is kept "
    "separately and lagged three weeks behind it. See the finding." },
  { "8.2.4", 2, "conforming",
    "The managed workplace entry in SC-01 v4 (laptop replacement within 3 working "
    "days) matches service desk script SDS-04 and what two analysts told callers." },
  { "8.2.4", 3, "conforming",
    "During MI-2026-05 the service desk used SC-01 v4 appendix A to find the backup "
    "customers also affected; INC-60731 lists the customers identified that way." },
  { "8.2.4", 4, "conforming",
    "SDT-01 v1 step 9 puts the catalogue update before go-live; SD-WAN plan "
    "SDT-2026-02 carries it as gate G4, the first transition to use the step." },
  { "8.2.5", 1, "conforming",
    "The asset register in the ITSM tool holds 1,870 assets. Three picked in it "
    "(hypervisor host HST-ESX-04, firewall FW-DCA-01, storage array NAS-DCB-02) "
    "were shown in the data centre consoles, and 10 laptops picked at random in the "
    "Leeds office were all recorded with the right user and location." },
  { "8.2.5", 2, "conforming",
    "Licence check LIC-2026-Q2 (30 Jun 2026) compared office suite and hypervisor "
    "licences with deployments and found 12 unused seats, released on 15 Jul 2026." },
  { "8.2.5", 3, "conforming",
    "Disposal record DSP-2026-014 (18 Aug 2026): 24 laptops wiped by the recycler "
    "under certificate WC-88213, checked and signed off by the service desk lead." },
  { "8.2.5", 4, "conforming",
    "The asset register holds licence terms and lease end dates; UK-only data "
    "location clauses are tracked in LEG-01 v2 against the two UK data centres." },
  { "8.2.5", 5, "conforming",
    "Hardware CIs are created from their asset records in the same ITSM tool and "
    "share the asset tag; the 10 laptops sampled at q1 all had matching CIs." },
  { "8.2.6", 1, "conforming",
    "Procedure CFG-01 v2 section 3 defines 9 CI types, from virtual server and "
    "firewall to circuit and laptop, with the attributes each must carry; the CMDB "
    "form makes those attributes mandatory." },
  { "8.2.6", 2, "conforming",
    "Five CIs picked in the CMDB (two firewalls, two virtual servers, one switch) "
    "were all found live with matching name, version and location; the gaps ran the "
    "other way (q3)." },
  { "8.2.6", 3, "minor",
    "CFA-2026-01 (20 Jan 2026) found 11 discrepancies, all corrected by 6 Feb 2026 "
    "(closure sheet seen), but no reconciliation followed in Q2 as CFG-01 v2 "
    "requires, and 3 of 20 virtual servers picked in the hypervisor console have no "
    "CI record. See the finding." },
  { "8.2.6", 4, "conforming",
    "RFC-2332 (firewall firmware, closed 27 Aug 2026) updated CI "
    "FW-DCA-01 to the new version, and the CI history still shows the old "
    "version and the change date." },
  { "8.2.6", 5, "conforming",
    "Edit rights on CIs are limited to 6 configuration analysts; the "
    "tool audit trail is reviewed monthly by the change and release "
    "manager (Aug 2026 review signed)." },
  { "8.3.1", 1, "conforming",
    "For the service desk, customer register CR-01 lists the 46 customers, about "
    "14,000 users and the supporting suppliers, with the account manager for each." },
  { "8.3.1", 2, "conforming",
    "CR-01 rule: each paying customer has an SLA and each supplier "
    "of a service component a contract; customer C045 signed its SLA "
    "on 2 Jul 2026, before go-live." },
  { "8.3.1", 3, "conforming",
    "None: CR-01 shows an SLA for all 46 customers; a pilot user group at "
    "C046 worked under a signed pilot letter with interim targets until "
    "its SLA began on 1 Aug 2026." },
  { "8.3.1", 4, "conforming",
    "Account managers confirm contacts at each service review; the last "
    "correction replaced the C022 named contact on 2 Sep 2026 after the "
    "customer's notice (REQ-45296)." },
  { "8.3.2", 1, "conforming",
    "Customer C014, the largest by users, has a named account manager in CR-01; the "
    "minutes of the quarterly service reviews of 9 Apr and 9 Jul 2026 were seen, "
    "each with its actions and their status." },
  { "8.3.2", 2, "conforming",
    "CPL-2026-04, CPL-2026-05 and CPL-2026-06 traced: each acknowledged "
    "within 2 days, investigated with findings recorded, and closed by a "
    "letter to the customer (seen)." },
  { "8.3.2", 3, "conforming",
    "The Jun 2026 survey (31 of 46 customers replied) scored 4.1 out of 5; "
    "the low score for out-of-hours updates led to improvement "
    "IMP-2026-017, now in progress." },
  { "8.3.2", 4, "conforming",
    "C014's plan for a Manchester office, raised at the 9 Jul 2026 review, was "
    "logged as demand item DMD-2026-09 and appears in the Q4 capacity forecast." },
  { "8.3.2", 5, "conforming",
    "Procedure BRM-01 v1 defines a complaint as dissatisfaction with the service "
    "or the company, not a fault; the service desk lead decides, as two "
    "borderline cases of Jul 2026 show." },
  { "8.3.3", 1, "conforming",
    "SLA-C014 v3 walked through target by target: availability from the monitoring "
    "export, response and resolution by priority from ITSM tool report SLA-R3, "
    "request fulfilment from the request queue report; monthly service report "
    "MSR-C014-2026-08 shows each target with its source." },
  { "8.3.3", 2, "conforming",
    "MSR-C014 for Jun to Aug 2026 shows one miss, P2 resolution in Aug (91 against "
    "95 per cent), explained in the report with an action on second-line staffing." },
  { "8.3.3", 3, "conforming",
    "SLA-C014 was reviewed with the customer on 9 Jul 2026; extended service hours "
    "in payroll week were added as SLA-C014 v3, signed on 22 Jul 2026." },
  { "8.3.3", 4, "conforming",
    "Non-standard levels go through a costed variation under SLA-GEN v5 "
    "section 8; C031's request for a 2-hour P2 target was priced and "
    "agreed in SLA-C031 v2 (May 2026)." },
  { "8.3.3", 5, "conforming",
    "Matrix UPM-01 maps SLA-GEN v5 targets to supplier terms, e.g. the 4-hour "
    "circuit repair in CT-107 supports the 8-hour network restoration target." },
  { "8.3.3", 6, "conforming",
    "SLA-C014 v3 schedule 1 sizes the service desk for 600 contacts a month and "
    "1,200 users, and calls for a review when contacts pass 660 two months running; "
    "the peak was 640, in Jul 2026, so no review was due." },
  { "8.3.4.1", 1, "conforming",
    "Supplier register SR-01 lists 11 external suppliers of services in scope, 4 of "
    "them critical, each with its contract and a named contract owner: the supplier "
    "manager for 9, the service manager for CT-110 and CT-112." },
  { "8.3.4.1", 2, "minor",
    "Backup storage supplier CT-104: contract targets, monthly performance data for "
    "Jun to Aug 2026 and review minutes SRM-2026-Q2 of 8 Jul 2026 seen. For the "
    "colocation (CT-102) and connectivity (CT-107) suppliers, both critical, no "
    "review was held in Q1 or Q2 2026. See the finding." },
  { "8.3.4.1", 3, "conforming",
    "Dispute SDR-2026-02 with CT-102 over a power surcharge (Apr 2026) is logged in "
    "SR-01 with the correspondence and was settled by a credit note on 12 Jun 2026." },
  { "8.3.4.1", 5, "conforming",
    "The ITSM tool contract CT-110 expires in Jan 2027; renewal "
    "paper RNP-2026-02 of 1 Sep 2026 uses 12 months of "
    "availability and support ticket data." },
  { "8.3.4.2", 1, "not-applicable",
    "Nothing to audit at present: Kestrelbrook is a single company with no group "
    "companies or internal departments supplying service components, and no "
    "customer acts as a supplier (confirmed in supplier register SR-01 and with "
    "the supplier manager). The clause stays in the audit programme and will be "
    "audited if that changes." },
  { "8.3.4.2", 2, "not-applicable",
    "No internal agreement exists to sample, because no internal "
    "group supplies a service component (see q1); supplier register "
    "SR-01 was checked on 16 Sep 2026." },
  { "8.3.4.2", 3, "not-applicable",
    "With no internal supplier there has been no escalation to examine; the "
    "supplier manager confirmed this in interview on 16 Sep 2026." },
  { "8.3.4.2", 4, "not-applicable",
    "Customers supply nothing the services depend on: on-site laptop work "
    "follows the customer's site rules, which SLA-GEN v5 treats as access "
    "terms, not a service component." },
  { "8.4.2", 1, "conforming",
    "Demand is forecast monthly in the operations meeting from the sales pipeline; "
    "the Q3 forecast foresaw the onboarding of 2 customers (360 users), which "
    "went live without service desk backlog." },
  { "8.4.2", 2, "conforming",
    "The Q2 2026 forecast of 5,900 service desk contacts was about "
    "5 per cent below the 6,240 received; OPS-2026-07 added the onboarding "
    "calendar to the forecast inputs." },
  { "8.4.2", 3, "conforming",
    "Customer C027's payroll system launch in Sep 2026 (hosting load "
    "up 40 per cent for a week) was logged as DMD-2026-11 and reserved "
    "in CPY-2026 v2 on 3 Sep 2026." },
  { "8.4.2", 4, "conforming",
    "Consumption report CON-2026-08 lists users, virtual servers and storage "
    "per customer against contract; account managers read it and raised 3 "
    "billing corrections in Aug 2026." },
  { "8.4.3", 1, "ofi",
    "Capacity plan CPY-2026 v2, last updated on 3 Sep 2026 for customer C027's "
    "payroll launch; its Q2 forecasts were within 5 per cent of actual use, but the "
    "figures are gathered by hand. See the finding." },
  { "8.4.3", 2, "conforming",
    "Storage is alerted at 80 and 90 per cent and CPU at 85 per cent; "
    "the storage alert of 4 Aug 2026 on the DC-A array led to RFC-2314, "
    "which added disks on 20 Aug 2026." },
  { "8.4.3", 3, "conforming",
    "INC-57310 (mail relay queue full, 12 May 2026) was traced to growth in log "
    "volume; CPY-2026 v2 section 4.3 now forecasts log storage." },
  { "8.4.3", 4, "conforming",
    "CPY-2026 v2 section 6 forecasts service desk staffing from contact volumes; it "
    "was the basis of the two analyst posts in BUD-2026." },
  { "8.4.3", 5, "conforming",
    "SDT-01 v1 asks for a capacity sign-off before go-live; the SD-WAN "
    "design holds bandwidth and firewall throughput estimates, with "
    "sign-off set as build gate G3." },
  { "8.5.1.1", 1, "conforming",
    "Change management policy CMP-01 v3 (approved 2 Mar 2026, owned by the change "
    "and release manager) defines the services and CI types under change control, "
    "the change types (standard, normal, emergency) and the criteria that send a "
    "change to service design and transition." },
  { "8.5.1.1", 2, "conforming",
    "CMP-01 v3 section 4 lists the criteria (new or removed service, "
    "multi-customer outage risk); the SD-WAN option was classed that way and "
    "routed to design by the CAB of 4 Aug 2026." },
  { "8.5.1.1", 3, "conforming",
    "The CAB approves additions to the standard change list; STD-031 "
    "(password policy push to managed laptops) was added at the CAB of "
    "21 Jul 2026 after 3 clean normal changes." },
  { "8.5.1.1", 4, "conforming",
    "CMP-01 v3 section 6.1 limits emergencies to restoring a P1 or closing a "
    "security exposure; 11 of 142 changes in Jun to Aug 2026 were "
    "emergencies, each tied to one." },
  { "8.5.1.1", 5, "conforming",
    "Desktop wallpaper and printer queue settings are outside change "
    "control by decision of the CAB of 17 Feb 2026, recorded with its "
    "reasons in CMP-01 v3 annex A." },
  { "8.5.1.2", 1, "conforming",
    "15 sampled RFCs (of 142 closed Jun-Aug 2026) all recorded requester, reason, "
    "risk score and change type." },
  { "8.5.1.2", 2, "conforming",
    "The withdrawal of the email archiving option, RFC-2251 of 29 Jun 2026, "
    "was classed as major under CMP-01 v3 and closed on handover to design "
    "and transition as RTP-2026-01." },
  { "8.5.1.2", 3, "conforming",
    "A monthly comparison of firewall and hypervisor logs with the change "
    "register (run of 28 Aug 2026) found one unlogged change, raised "
    "afterwards as RFC-2342 and reviewed." },
  { "8.5.1.2", 4, "conforming",
    "RFC-2263 was reclassified from standard to normal on 14 Jul 2026 because it "
    "touched a shared firewall; the reason is recorded in the RFC history." },
  { "8.5.1.3", 1, "major",
    "Emergency changes: 7 of the 11 closed Jun-Aug 2026 have no approval recorded "
    "and were never reviewed by the CAB. See the finding." },
  { "8.5.1.3", 2, "conforming",
    "Normal changes: 15 sampled at random from RFC-2204 to RFC-2345; each had a "
    "risk and impact assessment, a back-out plan and CAB approval before "
    "deployment, with test evidence and the result recorded. RFC-2237 and RFC-2319 "
    "failed and were backed out as planned." },
  { "8.5.1.3", 3, "conforming",
    "The Sep 2026 change schedule is on the intranet and customer portal; the "
    "service desk gets a daily digest, and C014 received notices for its 3 changes." },
  { "8.5.1.3", 4, "conforming",
    "RFC-2319 (load balancer change, 11 Aug 2026) failed validation and "
    "was backed out within the window; the CAB review of 18 Aug 2026 "
    "found an untested vendor step." },
  { "8.5.1.3", 5, "conforming",
    "The Q2 2026 change analysis linked 4 incidents to 3 DNS changes and led to a "
    "DNS pre-check in the RFC template from Jul 2026; the analysis report was seen." },
  { "8.5.2.1", 1, "conforming",
    "One changed service is planned: the SD-WAN option of managed network. Plan "
    "SDT-2026-02 sets requirements, resources, supplier involvement and target "
    "dates; approved by the CAB on 4 Aug 2026." },
  { "8.5.2.1", 2, "conforming",
    "SD-WAN acceptance criteria form section 7 of SDT-2026-02, agreed with pilot "
    "customer C031 and the service desk lead on 30 Jul 2026, before design began." },
  { "8.5.2.1", 3, "conforming",
    "SDT-2026-02 section 5 assesses the effect on managed network "
    "SLAs, SC-01, SCP-01 and ISP-01, and plans a catalogue entry and "
    "an SLA schedule before build." },
  { "8.5.2.1", 4, "conforming",
    "Retirement plan RTP-2026-01 for the email archiving option sets data "
    "return formats, contract end dates and user notices for the 3 customers; 2 "
    "exports were done by 15 Sep 2026." },
  { "8.5.2.2", 1, "conforming",
    "Design SDT-2026-02-D v0.4 covers capacity, security, SLA changes and the new "
    "connectivity contract; reviewed by the information security officer and the "
    "service desk lead on 8 Sep 2026." },
  { "8.5.2.2", 2, "conforming",
    "Plan requirement R3 (failover within 60 seconds) maps to design section 4.2 "
    "(dual circuits) and R7 (central logging) to section 6.1 of SDT-2026-02-D v0.4." },
  { "8.5.2.2", 3, "conforming",
    "The design calls for an SD-WAN SLA schedule and a new connectivity "
    "contract; contract CT-112 was signed on 2 Sep 2026 and the SLA "
    "schedule is due before build." },
  { "8.5.2.2", 4, "conforming",
    "Section 8 of SDT-2026-02-D v0.4 plans 4 knowledge articles, new "
    "monitoring probes, an SD-WAN line in the monthly service "
    "reports and a handover checklist." },
  { "8.5.2.3", 1, "not-applicable",
    "No new or changed service was in build or transition during the audit: the "
    "SD-WAN option is still in design, with build planned for Nov 2026. Carried "
    "over to the follow-up audit of clause 8.5 in Nov 2026." },
  { "8.5.2.3", 2, "not-applicable",
    "No go-live has yet taken place under SDT-01 v1, so there is no acceptance "
    "exception to examine; the SD-WAN build starts in Nov 2026." },
  { "8.5.2.3", 3, "not-applicable",
    "No post-transition review exists yet, as no service has completed transition; "
    "SDT-01 v1 section 11 schedules one 30 days after the SD-WAN go-live." },
  { "8.5.2.3", 4, "not-applicable",
    "Knowledge handover cannot be sampled before a transition "
    "completes; the planned items are in the SD-WAN design (see "
    "8.5.2.2) and go to the Nov 2026 follow-up." },
  { "8.5.3", 1, "conforming",
    "Release and deployment procedure RDP-01 v2 defines monthly scheduled releases "
    "of the laptop image and the hosting platform, emergency releases tied to an "
    "emergency change, and supplier patch bundles; the 5 releases of Jun-Aug 2026 "
    "(RLS-2026-07 to RLS-2026-11) kept to that rhythm, each with acceptance "
    "criteria and a go/no-go decision." },
  { "8.5.3", 2, "conforming",
    "RLS-2026-10 and RLS-2026-11 each link to an approved RFC (RFC-2318, RFC-2337), "
    "a signed test report and a timestamped deployment log in the release record." },
  { "8.5.3", 3, "conforming",
    "No release failed in 2026; the last rollback, RLS-2025-19 in "
    "Nov 2025, was called by the change and release manager and "
    "reviewed at the CAB of 2 Dec 2025." },
  { "8.5.3", 4, "conforming",
    "For RLS-2026-11 the signed smoke test and the new version on the "
    "managed laptop image CI were both recorded on 27 Aug 2026, as "
    "RDP-01 v2 section 9 requires." },
  { "8.5.3", 5, "conforming",
    "Incidents logged in the 7 days after a release are linked to it in the release "
    "record and reviewed at the next CAB; none of the 5 releases of Jun-Aug 2026 "
    "had one." },
  { "8.6.1", 1, "minor",
    "Priority matrix PRI-01 v2 seen. 40 incidents sampled at random from the 2,186 "
    "closed Jul-Aug 2026 were all logged and resolved as INC-01 v3 describes, but "
    "in 6 of them the priority is one level lower than the matrix gives. See the "
    "finding." },
  { "8.6.1", 2, "conforming",
    "MI-2026-05 (19 Aug 2026, 80-minute hosting storage outage) was declared by the "
    "service desk lead, who told the service manager at once and the customers 18 "
    "minutes later (INC-60731); review MIR-2026-05 lists 4 actions, all done except "
    "the closure of PRB-0412, which waits out its 30 days without recurrence." },
  { "8.6.1", 3, "conforming",
    "SLA clock pauses appear on a weekly report that the service desk lead signs "
    "(Aug 2026 reports seen, every pause with a reason); priorities set below the "
    "matrix are at q1." },
  { "8.6.1", 4, "conforming",
    "Incidents link to problems through a related-record field; 9 of the "
    "40 sampled cite a known error, and analysts showed the known error "
    "search on the logging screen." },
  { "8.6.1", 5, "conforming",
    "Users get a resolution email and 3 working days to reject it, which reopens "
    "the ticket; INC-59902 was reopened on 12 Aug 2026 and resolved 2 days later." },
  { "8.6.2", 1, "conforming",
    "Fulfilment instructions FUL-01 to FUL-03 (new user account, password unlock, "
    "software install) sit with their request items in the ITSM tool, each with its "
    "steps, the approval it needs and its target; 20 requests sampled from the "
    "1,540 closed Jul-Aug 2026 followed them." },
  { "8.6.2", 2, "conforming",
    "Five Q2 access requests (REQ-41502, REQ-41876, REQ-42530, REQ-43017, "
    "REQ-43602) each hold the customer contact's approval, timestamped "
    "before the account was made." },
  { "8.6.2", 3, "conforming",
    "Catalogue items touching a shared CI are flagged for change; REQ-43988 "
    "(firewall rule for C014) was converted to RFC-2281 on 8 Jul 2026." },
  { "8.6.2", 4, "conforming",
    "In Q2 2026, 94 per cent of requests met target; new starter laptops "
    "were worst at 81 per cent because of supplier stock delays, now "
    "followed by the supplier manager." },
  { "8.6.3", 1, "conforming",
    "Audited by Margaret Sefton (the problem manager is on the audit team). Trend "
    "report TRD-2026-08 (2 Sep 2026) ranks repeat incidents by CI; its top entry, "
    "37 VPN certificate prompts at one customer, became PRB-0421 on 3 Sep 2026." },
  { "8.6.3", 2, "conforming",
    "PRB-0355 and PRB-0398, traced by Margaret Sefton, record a 5-whys "
    "analysis and the fixing change (RFC-2242, RFC-2288), with closure "
    "after a month without recurrence." },
  { "8.6.3", 3, "observation",
    "23 open problems sorted by age: the oldest, PRB-0331 (Nov 2025, intermittent "
    "VPN drops), awaits a vendor fix due Oct 2026 and was updated on 8 Sep 2026, "
    "but PRB-0377 and PRB-0389 have had no update since Apr 2026. See the finding." },
  { "8.6.3", 4, "conforming",
    "The known error database holds 38 records, 35 reviewed this "
    "year; 212 incidents were linked to known errors in Aug 2026, "
    "showing the service desk uses them." },
  { "8.6.3", 5, "conforming",
    "Procedure PBM-01 v2 requires 30 days without a related incident "
    "before closure; for PRB-0355 the incident search of 3 Aug 2026 "
    "showing no recurrence is attached." },
  { "8.7.1", 1, "conforming",
    "Managed hosting chosen: 99.9 per cent a month, set in availability plan AVL-01 "
    "v1 and agreed in schedule H of SLA-GEN v5, which every hosting customer's SLA "
    "adopts." },
  { "8.7.1", 2, "conforming",
    "AVL-01 v1 section 3 counts loss of service to any customer as "
    "downtime, weights partial outages by users affected, and "
    "excludes agreed maintenance windows." },
  { "8.7.1", 3, "conforming",
    "Reports for Mar to Aug 2026 show one miss (Aug, 99.82 per cent); "
    "customers were told in the Aug service reports, and the fix, "
    "RFC-2349, went in on 2 Sep 2026." },
  { "8.7.1", 4, "conforming",
    "The availability risk review of 10 Jun 2026 found single power feeds on two "
    "racks in the second data centre; RFC-2284 added second feeds on 28 Jul 2026." },
  { "8.7.1", 5, "conforming",
    "The Aug 2026 report shows managed hosting at 99.82 per cent; the 80 minutes of "
    "MI-2026-05 on 19 Aug account for the whole shortfall, and no other major "
    "incident touched hosting that month." },
  { "8.7.2", 1, "conforming",
    "SCP-01 v2 section 3 sets a 4-hour recovery time and a 1-hour recovery point "
    "for managed hosting, taken from the continuity schedule of SLA-GEN v5 and "
    "business impact analysis BIA-2024." },
  { "8.7.2", 2, "major",
    "Continuity plan SCP-01 v2 (14 May 2024) is the current version in DR-01, but "
    "it has never been tested, and it predates the hypervisor cluster replacement "
    "of May 2026. See the finding." },
  { "8.7.2", 3, "observation",
    "Part of the major finding at q2: with no test ever run there are no results or "
    "actions to review; the test planned for Q4 2025 has no new date." },
  { "8.7.2", 4, "conforming",
    "Printed copies of SCP-01 v2 are kept at Leeds and Wakefield and in the on-call "
    "bag; the annex D contact list was current when checked on 16 Sep 2026." },
  { "8.7.2", 5, "observation",
    "Part of the major finding at q2: v2 was issued in May 2024 after a supplier "
    "change, but no update followed the cluster replacement under RFC-2188 in May "
    "2026." },
  { "8.7.2", 6, "conforming",
    "Never invoked: MI-2026-05 (19 Aug 2026) was handled as a major "
    "incident, because the 80-minute outage stayed under the 4-hour "
    "invocation trigger of SCP-01 v2." },
  { "8.7.2", 7, "observation",
    "Part of the major finding at q2: risk assessment CRA-2024 (May 2024) covers "
    "the loss of a data centre, of the connectivity supplier and of the ITSM tool, "
    "but was not revisited after the cluster replacement. SCP-01 v2 section 2 lets "
    "the service manager, or the duty manager out of hours, invoke the plan once an "
    "outage is expected to pass 4 hours." },
  { "8.7.3.1", 1, "conforming",
    "Information security policy ISP-01 v3, approved by the managing director on "
    "16 Jan 2026, published on the intranet and sent to the four critical "
    "suppliers; acknowledgements on file for all four." },
  { "8.7.3.1", 2, "conforming",
    "ISP-01 v3 section 5 (UK-only data storage) comes from the data location "
    "clauses of 9 customer contracts, listed in LEG-01 v2." },
  { "8.7.3.1", 3, "conforming",
    "Two operations centre engineers asked on 16 Sep 2026 explained the "
    "clear-desk and privileged access rules of ISP-01 v3; e-learning "
    "completion stands at 40 of 41." },
  { "8.7.3.1", 4, "conforming",
    "Kestrelbrook holds no ISO/IEC 27001 certificate; ISP-01 v3 and "
    "controls register ISC-01 v2 cover all five services directly, as the "
    "information security officer showed." },
  { "8.7.3.2", 1, "conforming",
    "Risk assessment ISR-2026 (approved by the information security officer, 20 Feb "
    "2026) covers the five services; the 23 controls chosen from it are in controls "
    "register ISC-01 v2, each with an owner and a test date." },
  { "8.7.3.2", 2, "observation",
    "The Q2 2026 access review of the hypervisor console removed 3 stale accounts "
    "(signed 7 Jul 2026), and the sampled leaver, an analyst who left on 14 Aug "
    "2026, was disabled that day; across the 9 leavers of Jun-Aug 2026, though, "
    "removal took 0 to 12 days, and no time limit is set. See the finding." },
  { "8.7.3.2", 3, "conforming",
    "Aug 2026 patch report: 97 per cent of managed servers patched within "
    "14 days, exceptions approved; the test restore of 21 Aug 2026 "
    "recovered C009 files in 22 minutes." },
  { "8.7.3.2", 4, "conforming",
    "Supplier access is only through the privileged access gateway; "
    "CT-102 schedule 6 sets the security terms (named engineers, "
    "multi-factor sign-in, session logging)." },
  { "8.7.3.2", 5, "conforming",
    "The RFC form asks the information security officer to score security "
    "impact; RFC-2275 (open RDP for a vendor) was rejected on 21 Jul 2026 and "
    "gateway access used instead." },
  { "8.7.3.3", 1, "conforming",
    "6 information security incidents Jan-Aug 2026 (SEC-2026-01 to SEC-2026-06), "
    "all classified and handled as ISP-01 annex C sets out; the phishing incident "
    "SEC-2026-04 led to a lessons-learned item in OPS-2026-07." },
  { "8.7.3.3", 2, "conforming",
    "SEC-2026-04 (phishing, 8 Jul 2026): reported by a user, contained "
    "within 2 hours, the affected customer told the same day, closed on "
    "15 Jul 2026 after password resets." },
  { "8.7.3.3", 3, "conforming",
    "Tickets logged in the security category page the information security officer; "
    "SEC-2026-05 shows the handover from INC-59311 within 25 minutes." },
  { "8.7.3.3", 4, "conforming",
    "SEC-2026-02 (misdirected email with customer staff data, Mar 2026) records "
    "the decision not to notify the regulator, with reasons, agreed with the "
    "customer's data protection lead." },

  /* 9 Performance evaluation */
  { "9.1", 1, "ofi",
    "Dashboard KPI-2026 lists 18 measures, each with an owner and a data source, "
    "reported monthly against target but for the current month only. See the "
    "finding." },
  { "9.1", 2, "conforming",
    "First-contact resolution traced from the ITSM tool query to "
    "KPI-2026 (Aug 2026: 68 per cent) and to action plan "
    "OBJ-2026-P1, decided at OPS-2026-08." },
  { "9.1", 3, "conforming",
    "KPI-2026 part B tracks 6 measures of the SMS itself (e.g. actions "
    "closed on time, objectives on track); they were reported at MR-2026-01 "
    "and go to the board monthly." },
  { "9.2", 1, "conforming",
    "Audited by Margaret Sefton. Programme IAP-2026 v2 covers every clause in "
    "2026 through two process audits (reports IA-2026-01, Apr, and IA-2026-02, "
    "Jun) and this audit, with auditors assigned away from their own areas. "
    "Findings of IA-2026-01 and IA-2026-02 are in the corrective action register." },
  { "9.2", 2, "conforming",
    "IA-2026-02 (Jun 2026) lists its samples (12 RFCs, 20 requests) and its "
    "3 findings, each now a corrective action (CAR-2026-015 to "
    "CAR-2026-017) with an owner." },
  { "9.2", 3, "conforming",
    "IAP-2026 v2 assigns auditors from an independence table; "
    "Margaret Sefton, an external contractor, took 7.5, 8.6.3, 9.2 "
    "and 10.1, as this audit's plan shows." },
  { "9.2", 4, "conforming",
    "IAP-2026 v2 audits change and incident management twice a year because "
    "IA-2026-01 found weak change records; lower-risk clauses are audited once." },
  { "9.2", 5, "conforming",
    "IA-2026-01 finding 3 (out-of-date standard change list) became CAR-2026-010, "
    "closed on 28 Jul 2026 with its effectiveness check recorded." },
  { "9.3", 1, "conforming",
    "The minutes of MR-2026-01 (18 Mar 2026) list the managing director in the "
    "chair, the finance director, the service manager and the quality manager; no "
    "member of top management was absent." },
  { "9.3", 2, "conforming",
    "MR-2026-01 recorded 6 decisions with owners and dates; 4 are done (among "
    "them the Jun 2026 customer survey and the SD-WAN business case) and the "
    "other 2 are open and on time." },
  { "9.3", 3, "conforming",
    "The complaints input to MR-2026-01 presented CPL-2026 figures (3 complaints, "
    "causes and status) on slide 7 of input pack MRI-2026-01." },
  { "9.3", 4, "conforming",
    "MRP-01 v1 sets two reviews a year, in March and October, to fit the budget "
    "cycle; MR-2026-01 was held on time and MR-2026-02 is booked for 13 Oct 2026." },
  { "9.3", 5, "minor",
    "MRP-01 v1 lists 13 inputs, but the minutes of MR-2026-01 hold no item, figures "
    "or discussion on supplier performance or on the effectiveness of risk "
    "treatments, and nothing records that they were taken up later. See the "
    "finding." },
  { "9.4", 1, "conforming",
    "Monthly service reports for 5 sampled customers, Jun-Aug 2026, all issued by "
    "the tenth working day as the SLAs require, showing performance against "
    "target, trends and major incidents." },
  { "9.4", 2, "conforming",
    "MSR-C022 for Jun to Aug 2026 walked through with the service "
    "manager: resolution figures come from tool report SLA-R3 and "
    "availability from the monitoring export." },
  { "9.4", 3, "conforming",
    "MSR-C022 for Jul 2026 showed request fulfilment at 88 against "
    "90 per cent; the account manager agreed a laptop stock buffer with the "
    "customer, minuted on 11 Aug 2026." },

  /* 10 Improvement */
  { "10.1", 1, "conforming",
    "Audited by Margaret Sefton. Register CAR-2026 holds 19 records, 12 of them "
    "closed; one action is overdue, CAR-2026-017 (due 31 Aug 2026), held up by a "
    "supplier quote, with a new date of 30 Sep 2026 agreed by the quality manager." },
  { "10.1", 2, "conforming",
    "CAR-2026-009 (CAB held without quorum) records a 5-whys analysis tracing "
    "the cause to no deputy rule for CAB members, fixed in CAB terms of "
    "reference CAB-TOR v2 (May 2026)." },
  { "10.1", 3, "conforming",
    "For CAR-2026-009 the quality manager checked the problem review board and the "
    "security forum for the same quorum gap (note of 20 May 2026); none was found." },
  { "10.1", 4, "minor",
    "CAR-2026-009 was verified on 30 Jul 2026, two months after the fix, against "
    "the Jun and Jul CAB attendance records; but 5 of the 12 actions closed in 2026 "
    "were closed without any effectiveness verification. See the finding." },
  { "10.1", 5, "conforming",
    "CAR-2026-006 (request approvals not attached) failed its check on 2 Jun 2026 "
    "and was reopened with a new plan; the second check is due on 30 Sep 2026." },
  { "10.1", 6, "conforming",
    "For CAR-2026-009 the three changes approved at the inquorate CAB of 14 Apr "
    "2026 were put to the quorate CAB of 21 Apr 2026 before any was implemented; "
    "the correction is recorded in the CAR with the minutes of the second meeting." },
  { "10.2", 1, "conforming",
    "Improvement register IMP-2026 holds 24 suggestions, each assessed and "
    "prioritised with an owner; 6 implemented, among them the self-service "
    "password reset that cut password calls by a third (Aug 2026 figures)." },
  { "10.2", 2, "conforming",
    "Ideas are scored for benefit, cost and risk in IMP-2026 and decided "
    "at the monthly operations meeting, items over GBP 5,000 by the "
    "service manager (OPS-2026-08 seen)." },
  { "10.2", 3, "conforming",
    "Self-service password reset (IMP-2026-011) aimed to cut "
    "password calls by 25 per cent; the category report shows 1,020 "
    "a month before and 680 in Aug 2026." },
  { NULL, 0, NULL, NULL }
};

const CwDemoFinding cw_demo_completed_findings[] = {
  /* Major nonconformities */
  { "8.5.1.3", "major",
    "Clause 8.5.1.3 and the change management policy CMP-01 v3 (section 6.2) "
    "require every emergency change to be approved before deployment by the "
    "emergency change advisory board (ECAB), or out of hours by the on-call ECAB "
    "member, and to be reviewed at the next CAB meeting.",
    "All 11 emergency changes closed between 1 Jun and 31 Aug 2026 were reviewed "
    "in the change tool. Seven of them (RFC-2219, RFC-2236, RFC-2258, RFC-2291, "
    "RFC-2297, RFC-2304, RFC-2310) have no approval recorded; for example "
    "RFC-2297, a firewall rule change on the managed network service, was "
    "implemented on Sunday 12 Jul 2026 with the approval field empty. None of "
    "the seven appears in the CAB minutes of Jul to Sep 2026. The change and "
    "release manager said in interview on 15 Sep 2026 that out-of-hours approvals "
    "are often given by telephone and not recorded.",
    "Seven of the eleven emergency changes in the period were implemented with no "
    "recorded approval and no later CAB review, so the emergency change route "
    "defined in CMP-01 v3 is not operating.",
    1, "2026-09-15",
    "Major: the emergency change route has broken down as a whole, not lapsed "
    "once; seven of eleven changes in three months bypassed approval and "
    "review, so the control cannot be relied on." },
  { "8.7.2", "major",
    "Clause 8.7.2 and the service continuity plan SCP-01 v2 (section 9) require "
    "the continuity arrangements to be tested at least once a year and after "
    "major changes to the service environment, with the results recorded.",
    "SCP-01 v2 is dated 14 May 2024. No test report, exercise record or test "
    "schedule exists for 2024, 2025 or 2026. The service manager said in "
    "interview on 16 Sep 2026 that fail-over of managed hosting to the second "
    "data centre has never been exercised; a test planned for Q4 2025 was "
    "postponed. The primary hypervisor cluster was replaced under RFC-2188 in "
    "May 2026, and SCP-01 v2 still describes the old cluster.",
    "The continuity plan has not been tested in the more than two years since "
    "it was issued, and it was neither tested nor updated after the hypervisor "
    "cluster was replaced; there is no evidence that the continuity commitments "
    "for managed hosting can be met.",
    2, "2026-09-16",
    "Major: a required activity is absent altogether; continuity has never "
    "been tested in three years, so there is no evidence that the services "
    "could be restored as planned." },

  /* Minor nonconformities */
  { "8.6.1", "minor",
    "Clause 8.6.1 and the incident management procedure INC-01 v3 (section 4) "
    "require each incident to be given the priority that the matrix PRI-01 v2 "
    "sets for its impact and urgency.",
    "40 incidents were sampled at random from the 2,186 closed between 1 Jul and "
    "31 Aug 2026. In 6 of them (INC-58642, INC-59017, INC-59388, INC-60105, "
    "INC-60417, INC-61266) the recorded priority is one level lower than the "
    "matrix gives for the impact and urgency recorded on the same ticket; for "
    "example INC-60417 (email unavailable for 120 users of one customer) was "
    "logged as P3, where PRI-01 v2 gives P2. The service desk lead said in "
    "interview on 15 Sep 2026 that analysts sometimes lower the priority when "
    "the customer agrees the work can wait.",
    "Six of the forty sampled incidents were not prioritised as PRI-01 v2 "
    "requires, so their resolution was measured against the targets of the wrong "
    "priority.",
    1, "2026-09-14",
    "Minor: incidents are logged, prioritised and resolved; 6 of 40 sampled "
    "were given a priority one level too low, an isolated lapse in applying "
    "PRI-01 that does not undermine incident management as a whole." },
  { "8.2.6", "minor",
    "Clause 8.2.6 and the configuration management procedure CFG-01 v2 (section "
    "7) require the configuration information to be checked against the live "
    "environment every quarter and differences to be corrected.",
    "The last recorded reconciliation, CFA-2026-01, is dated 20 Jan 2026; none "
    "is recorded for Q2 2026. On 16 Sep 2026, 20 virtual servers picked at random "
    "from the 214 in the hypervisor inventory were looked up in the CMDB with the "
    "service manager: 3 of them (HST-VM-0871, HST-VM-0904, HST-VM-0912) had no "
    "configuration item record.",
    "The quarterly reconciliation that CFG-01 v2 requires was not carried out for "
    "Q2 2026, and 3 of 20 sampled live virtual servers are not recorded as "
    "configuration items.",
    3, "2026-09-15",
    "Minor: the CMDB exists and was reconciled in January; one quarterly "
    "check was missed and 3 of 20 sampled servers were unrecorded, a lapse "
    "that does not stop configuration information supporting changes and "
    "incidents." },
  { "8.3.4.1", "minor",
    "Clause 8.3.4.1 and the supplier management procedure SUP-01 v2 (section 5) "
    "require the performance of each critical supplier to be reviewed against its "
    "contract every quarter, with minutes and actions kept.",
    "Supplier register SR-01 lists four critical suppliers. Quarterly review "
    "minutes exist for two of them for Q4 2025, Q1 2026 and Q2 2026. For the "
    "colocation provider (contract CT-102) and the connectivity provider "
    "(contract CT-107) the latest minutes are dated 11 Nov 2025 and 2 Dec 2025. "
    "The supplier manager confirmed in interview on 16 Sep 2026 that the Q1 and "
    "Q2 2026 reviews with these two suppliers were not held.",
    "Two of the four critical suppliers have had no performance review for two "
    "consecutive quarters, against the quarterly reviews that SUP-01 v2 "
    "requires.",
    2, "2026-09-16",
    "Minor: supplier reviews are held for two of the four critical suppliers; "
    "two quarters were missed for the other two, a lapse confined to those "
    "reviews rather than an absence of supplier management." },
  { "7.2", "minor",
    "Clause 7.2 and the competence procedure HR-03 v1 require the competence "
    "needed for each SMS role to be set out in the competence matrix HR-CM-01 v2, "
    "and evidence of each person's competence (qualifications, training or "
    "experience) to be kept.",
    "10 of the 41 staff in SMS roles were sampled from the HR system. For 3 of "
    "them (two service desk analysts who joined in July 2026 and an operations "
    "centre engineer who joined in March 2026) the training log has no entry and "
    "there is no assessment against HR-CM-01 v2. The service desk lead said on "
    "15 Sep 2026 that the two analysts learnt the ITSM tool by shadowing, and "
    "that this was not recorded.",
    "For 3 of 10 sampled staff in SMS roles no evidence of competence for their "
    "role is kept.",
    2, "2026-09-17",
    "Minor: competence records exist for 7 of the 10 sampled staff; the gap "
    "concerns three recent joiners whose training was not recorded, not a "
    "failure to manage competence." },
  { "9.3", "minor",
    "Clause 9.3 and the management review procedure MRP-01 v1 require each "
    "management review to consider a defined list of inputs, which includes the "
    "performance of external suppliers and the effectiveness of the actions taken "
    "on risks and opportunities.",
    "The only management review held in 2026, MR-2026-01 of 18 Mar 2026 chaired "
    "by the managing director, has minutes covering audit results, service "
    "performance, complaints and resources. They contain no item, data or "
    "discussion on supplier performance or on the effectiveness of risk "
    "treatments, although both are on the agenda template in MRP-01 v1. The "
    "service manager confirmed on 17 Sep 2026 that both items were deferred and "
    "not taken up later.",
    "Management review MR-2026-01 did not consider two of the inputs that MRP-01 "
    "v1 requires: supplier performance and the effectiveness of actions on risks "
    "and opportunities.",
    5, "2026-09-18",
    "Minor: the management review was held, chaired by top management and "
    "minuted; two inputs were left out of one meeting, which weakens it but "
    "does not mean the review is not taking place." },
  { "10.1", "minor",
    "Clause 10.1 and the corrective action procedure COR-01 v2 (section 8) "
    "require the effectiveness of each corrective action to be verified, with "
    "evidence, before its record is closed.",
    "The corrective action register holds 19 records for 2026 (CAR-2026-001 to "
    "CAR-2026-019), of which 12 were closed by 31 Aug 2026. All 12 were read: 5 of "
    "them (CAR-2026-003, CAR-2026-005, CAR-2026-008, CAR-2026-011, CAR-2026-014) "
    "were closed on the day the action was completed, with the verification field "
    "empty and no later check recorded. Interview with the quality manager, 17 "
    "Sep 2026, conducted by Margaret Sefton.",
    "Five of the twelve closed corrective actions were closed without the "
    "effectiveness verification that COR-01 v2 requires.",
    4, "2026-09-18",
    "Minor: corrective actions are raised, planned and tracked; 5 of 12 "
    "closed actions skipped the effectiveness check, a lapse in one step "
    "rather than a broken-down process." },

  /* Observations */
  { "7.5.2", "observation",
    NULL,
    "Document register DR-01 lists 30 controlled documents; procedure DOC-01 v2 "
    "requires each to be reviewed at least every 12 months. Nine were last "
    "reviewed between Oct and Dec 2025, so they fall due before the Stage One "
    "audit, but DR-01 shows no planned date or reviewer for any of them. The "
    "quality manager said on 17 Sep 2026 that a review starts when someone "
    "notices the date.",
    "No document is overdue yet, but with no planned reviews nine documents are "
    "likely to pass their review limit between October and December 2026, just "
    "before the certification body examines them at Stage One.",
    3, "2026-09-14",
    NULL },
  { "8.6.3", "observation",
    NULL,
    "The problem register held 23 open problems on 17 Sep 2026. Two of them "
    "(PRB-0377 and PRB-0389, recurring backup job failures for two hosting "
    "customers) have been open since Feb 2026 with no update since Apr 2026. A "
    "workaround is recorded for both in the known error database, and the related "
    "incidents fell from 14 in March to 2 in August. Interview with the problem "
    "manager, 17 Sep 2026, conducted by Margaret Sefton.",
    "The workarounds are working, but with no root-cause work recorded for five "
    "months there is a risk that problems are parked rather than resolved, and "
    "that the backup failures return at a higher volume.",
    3, "2026-09-17",
    NULL },
  { "8.7.3.2", "observation",
    NULL,
    "The HR leavers report for Jun-Aug 2026 lists 9 leavers. Their directory and "
    "ITSM tool accounts were disabled between 0 and 12 days after the last "
    "working day (median 2 days); the accounts of an operations centre engineer "
    "(left 7 Aug 2026) and a contractor (left 21 Aug 2026) stayed active for 9 "
    "and 12 days. The access control standard ISC-05 v2 asks for removal "
    "without delay but sets no time limit. The sign-in log shows no use of any "
    "of the accounts after the leaving dates.",
    "No control that the organisation has set was broken, but with no time limit "
    "on removing access, the accounts of leavers who can reach customer systems "
    "through the operations centre may stay usable for days.",
    2, "2026-09-16",
    NULL },

  /* Opportunities for improvement */
  { "8.2.4", "ofi",
    NULL,
    "The service catalogue SC-01 v4 (approved 3 Jun 2026) and the catalogue on the "
    "customer portal are maintained separately by different people. They matched "
    "on 15 Sep 2026, but the portal version was updated on 24 Jun 2026, three "
    "weeks after SC-01 v4 was approved.",
    "Publishing the portal catalogue directly from SC-01 would remove the double "
    "maintenance and the delay between the two versions.",
    1, "2026-09-15",
    NULL },
  { "8.4.3", "ofi",
    NULL,
    "Capacity plan CPY-2026 v2 forecasts storage and compute for managed hosting "
    "from monthly figures copied by hand from the hypervisor and storage consoles "
    "into a spreadsheet; the July figures were entered on 12 Aug 2026. The Q2 "
    "forecasts were within 5 per cent of actual use.",
    "Collecting the figures automatically from the monitoring system would save "
    "effort and let the service manager follow capacity trends weekly rather "
    "than monthly.",
    1, "2026-09-16",
    NULL },
  { "9.1", "ofi",
    NULL,
    "Dashboard KPI-2026 reports 18 measures each month against target, with a "
    "red, amber or green status for the current month only. The Aug 2026 report "
    "shows first-contact resolution at 68 per cent against a target of 70 per "
    "cent, with no figures for earlier months.",
    "Showing each measure as a 12-month trend would help the management review "
    "tell a one-off miss from a steady decline.",
    1, "2026-09-17",
    NULL },
  { NULL, NULL, NULL, NULL, NULL }
};

const CwDemoEvidence cw_demo_completed_evidence[] = {
  { "8.5.1.1", 4, "document", "CMP-01 v3",
    "Change management policy, approved by the service manager on 2 Mar 2026. "
    "Section 6.2 sets the emergency route: ECAB approval before deployment, or "
    "the on-call ECAB member out of hours, then review at the next CAB.",
    NULL, 0 },
  { "8.5.1.3", 2, "record", "RFC-2204 to RFC-2345 (change register export, 1 Jun-31 Aug 2026)",
    "Normal changes chosen at random from the export. All 15 had CAB approval, a "
    "test record and the implementation result; RFC-2237 and RFC-2319 failed and "
    "were backed out as planned.",
    "142 changes closed Jun-Aug 2026", 15, 142, "random", 0 },
  { "8.5.1.3", 1, "record",
    "Emergency changes Jun-Aug 2026, approval missing on RFC-2219, RFC-2236, "
    "RFC-2258, RFC-2291, RFC-2297, RFC-2304, RFC-2310",
    "Every emergency change in the period was read in the change tool and "
    "checked against the CAB minutes of Jul to Sep 2026. Seven have no approval "
    "recorded and no CAB review.",
    "11 emergency changes closed Jun-Aug 2026", 11, 11, "judgemental", 7 },
  { "8.5.1.3", 1, "interview", "Interview with the change and release manager, 15 Sep 2026",
    "Out-of-hours emergency approvals are often given by telephone and not "
    "entered in the change tool; emergency changes are not a standing item on "
    "the CAB agenda.",
    NULL, 0 },
  { "8.7.2", 2, "document", "SCP-01 v2 (14 May 2024)",
    "Service continuity plan. Section 9 asks for a yearly test. The plan still "
    "describes the hypervisor cluster replaced under RFC-2188 in May 2026. No "
    "test report or test schedule was found.",
    NULL, 0 },
  { "8.7.2", 2, "interview", "Interview with the service manager, 16 Sep 2026",
    "Fail-over of managed hosting to the second data centre has never been "
    "exercised; a test planned for Q4 2025 was postponed and not rescheduled.",
    NULL, 0 },
  { "8.6.1", 1, "record", "Incidents closed 1 Jul-31 Aug 2026, sample list in working paper WP-07",
    "Random sample drawn in the ITSM tool. All 40 had resolution notes and "
    "customer confirmation; 6 (INC-58642, INC-59017, INC-59388, INC-60105, "
    "INC-60417, INC-61266) carry a lower priority than PRI-01 v2 gives.",
    "2,186 incidents closed Jul-Aug 2026", 40, 2186, "random", 6 },
  { "8.6.1", 1, "interview", "Interview with the service desk lead, 15 Sep 2026",
    "Analysts sometimes lower an incident's priority when the customer agrees the "
    "work can wait; INC-01 v3 has no such step.",
    NULL, 0 },
  { "8.2.6", 3, "observation", "Hypervisor inventory compared with the CMDB, 16 Sep 2026",
    "Virtual servers chosen at random in the hypervisor console and looked up in "
    "the CMDB with the service manager present; HST-VM-0871, HST-VM-0904 and "
    "HST-VM-0912 had no CI record. Latest reconciliation record: CFA-2026-01 of "
    "20 Jan 2026.",
    "214 virtual servers in the hypervisor inventory", 20 },
  { "8.3.4.1", 2, "record",
    "Supplier review minutes SRM-2025-Q4 to SRM-2026-Q2; supplier register SR-01",
    "Quarterly minutes exist for two of the critical suppliers. For the "
    "colocation (CT-102) and connectivity (CT-107) suppliers the latest minutes "
    "are dated 11 Nov 2025 and 2 Dec 2025.",
    "4 critical suppliers in SR-01", 4 },
  { "7.2", 2, "record", "Competence matrix HR-CM-01 v2 and training log",
    "Staff chosen at random from the HR system. No training or assessment record "
    "for 3 of them: two service desk analysts who joined in Jul 2026 and an "
    "operations centre engineer who joined in Mar 2026.",
    "41 staff in SMS roles", 10 },
  { "9.3", 5, "record", "Management review minutes MR-2026-01 (18 Mar 2026)",
    "Chaired by the managing director. Covers audit results, service "
    "performance, complaints and resources; no item on supplier performance or "
    "on the effectiveness of risk treatments.",
    NULL, 0 },
  { "10.1", 4, "record", "Corrective action register, CAR-2026-001 to CAR-2026-019",
    "Every record closed by 31 Aug 2026 was read. Five were closed on the day the "
    "action was completed, with the verification field empty.",
    "12 corrective actions closed Jan-Aug 2026", 12 },
  { "8.7.3.2", 2, "record", "HR leavers report Jun-Aug 2026 and directory audit log",
    "Accounts disabled between 0 and 12 days after the last working day (median "
    "2); two stayed active for 9 and 12 days. No sign-in after any leaving date.",
    "9 leavers Jun-Aug 2026", 9 },
  { "9.2", 1, "document", "Internal audit programme IAP-2026 v2",
    "Plans the process audits of Apr and Jun 2026 and this audit, covering every "
    "clause in the year, and assigns auditors away from their own areas. Reports "
    "IA-2026-01 and IA-2026-02 seen. Reviewed by Margaret Sefton.",
    NULL, 0 },
  { "8.2.4", 1, "document", "Service catalogue SC-01 v4 (3 Jun 2026) and customer portal catalogue",
    "Both list the same five services and options on 15 Sep 2026; the portal "
    "version was last updated on 24 Jun 2026, three weeks after SC-01 v4 was "
    "approved.",
    NULL, 0 },
  { NULL, 0, NULL, NULL, NULL, NULL, 0 }
};

/* The audit in progress: follow-up of the change management findings */

const CwDemoAudit cw_demo_current_audit = {
  .title = "Follow-up audit: change and release management",
  .objectives =
    "Verify that the corrective actions for the September findings on emergency "
    "changes (8.5.1.3, major) and on unverified corrective actions (10.1, minor) "
    "are in place and working, and audit release management and the transition "
    "of the SD-WAN option. Led by Margaret Sefton because the quality manager "
    "owns clause 10.1 and the corrective action register.",
  .criteria =
    "ISO/IEC 20000-1:2018 clauses 8.5 and 10.1. The change management policy "
    "CMP-01 v4, the release and deployment procedure RDP-01 v2, the service "
    "design and transition procedure SDT-01 v1 and the corrective action "
    "procedure COR-01 v2.",
  .scope = "8.5,10.1",
  .start = "2026-11-23",
  .end = "2026-11-27",
  .lead = "Margaret Sefton",
  .team = "Rhys Penhallow",
  .auditees =
    "Tomasz Brennan (change and release manager), "
    "Owen Castellane (service manager), "
    "Fiona Lindqvist (quality manager)",
  .sites = "Head office, 4 Quayside Lane, Bristol",
  .opening_on = "2026-11-23",
  .opening_attendees = "Margaret Sefton (lead auditor)\nRhys Penhallow (auditor)\n"
                       "Tomasz Brennan (change and release manager)\n"
                       "Owen Castellane (service manager)",
};

const CwDemoFollowUp cw_demo_follow_ups[] = {
  { "8.5.1.3",
    "All 6 emergency changes since 1 Oct 2026 (RFC-2388 to RFC-2431) carry an ECAB approval "
    "recorded in the change tool before deployment, two of them by the on-call member at night; "
    "each was reviewed at the next CAB (minutes CAB-2026-21 and CAB-2026-23). The approval field "
    "is now mandatory for the emergency change type. The action is working so far; the sample is "
    "small, so verification waits for the December changes." },
  { NULL }
};

const CwDemoAnswer cw_demo_current_answers[] = {
  { "8.5.1.1", 1, "conforming",
    "CMP-01 v4, approved 5 Oct 2026 under CAR-2026-020 and still owned by the "
    "change and release manager, covers the same CI types as v3; it now names the "
    "on-call ECAB approver, requires the approval to be entered in the change tool "
    "before deployment and makes emergency changes a standing CAB agenda item. "
    "Briefed to the operations centre and change team on 7 Oct 2026 (attendance "
    "list seen)." },
  { "8.5.1.2", 1, "conforming",
    "10 RFCs sampled from the 104 raised 1 Oct-20 Nov 2026: all record requester, "
    "reason, risk score and change type. The SD-WAN go-live was routed to "
    "service design and transition as CMP-01 v4 requires." },
  { "8.5.1.3", 1, "conforming",
    "Emergency changes: all 6 closed 12 Oct-20 Nov 2026 (RFC-2468, RFC-2473, "
    "RFC-2480, RFC-2491, RFC-2502, RFC-2515) have ECAB approval recorded before "
    "deployment and a review in the CAB minutes of 22 Oct, 5 Nov or 19 Nov 2026. "
    "On 24 Nov 2026 the change and release manager showed that the tool now "
    "refuses to schedule an RFC with no approver." },
  { "8.5.1.3", 2, "conforming",
    "Normal changes: 10 sampled at random from the 90 closed 1 Oct-20 Nov 2026; "
    "each had its risk and impact assessment and back-out plan, and CAB approval "
    "before deployment, with test evidence and the result recorded." },
  { "8.5.3", 2, "observation",
    "The last two releases, RLS-2026-15 and RLS-2026-16, each link to an approved "
    "RFC and a signed test report, but the rollback steps of RLS-2026-16, as of "
    "RLS-2026-14 before it, were written and never tried: RDP-01 v2 does not ask "
    "for that. No requirement is unmet, but a failed rollback would extend an "
    "outage on a customer system. All 5 releases since September had acceptance "
    "criteria and a go/no-go decision." },
  { "10.1", 1, "observation",
    "Register on 24 Nov 2026: CAR-2026-020 and CAR-2026-027 record correction, root "
    "cause, action, owner and due date, all done on time; but CAR-2026-024 "
    "(supplier reviews) has been overdue since 30 Oct 2026 with no new date "
    "recorded." },
  { "10.1", 4, "conforming",
    "The five closures reopened under CAR-2026-027 were verified again, four with "
    "fresh evidence (CAR-2026-011 awaits Dec data). The check of CAR-2026-020 is "
    "set for 15 Jan 2027, after three months of operation." },
  { NULL, 0, NULL, NULL }
};

/* The corrective action register, late November 2026: one action for each
 * nonconformity of the September audit, at every stage of the workflow, and
 * two from other sources. */

const CwDemoAction cw_demo_actions[] = {
  { "8.5.1.3", NULL,
    "CAR-2026-020 Emergency changes approved and reviewed as CMP-01 requires",
    "The seven emergency changes were reviewed after the event at the CAB of "
    "29 Sep 2026; none had caused an incident. Until the tool was changed, the "
    "change and release manager checked every new emergency change each morning.",
    "Seven emergency changes went live without a recorded approval.\n"
    "Out-of-hours approvals were given by telephone and nobody entered them.\n"
    "Only the ECAB chair could enter an approval in the change tool.\n"
    "CMP-01 v3 introduced the on-call approver but the tool was never set up for it.",
    "process",
    "All 214 normal changes of Jun-Aug 2026 were checked for missing approvals: "
    "none found. Service requests do not need approval.",
    "Issue CMP-01 v4 naming the on-call ECAB approver; give that role approval "
    "rights in the change tool and make the tool refuse to schedule an RFC without "
    "an approver; make emergency changes a standing CAB agenda item; brief the "
    "operations centre and the change team.",
    "Tomasz Brennan", "2026-10-16", "2027-01-15", NULL, NULL, "implemented",
    "No incident followed from the seven changes; the CAB review found each was "
    "needed and had worked, so nothing had to be undone.",
    NULL, NULL, "2026-09-30", "2026-10-14", NULL, NULL, NULL },
  { "8.7.2", NULL,
    "CAR-2026-021 Test the continuity of managed hosting",
    "The service manager confirmed with the colocation provider on 21 Sep 2026 "
    "that the standby racks in the second data centre are powered and patched.",
    "The continuity plan has not been tested since May 2024.\n"
    "The Q4 2025 fail-over test was postponed and never rescheduled.\n"
    "No one owns the test schedule; SCP-01 gives a frequency but no owner.",
    "process",
    "The backup and recovery service's restore tests were checked: they run "
    "monthly and are recorded (BKP-TST log).",
    "Update SCP-01 to v3 for the new hypervisor cluster, name the service "
    "manager as owner of the test schedule, and run a fail-over exercise of "
    "managed hosting to the second data centre in a weekend window.",
    "Owen Castellane", "2026-12-11", "2027-01-29", NULL, NULL, "planned",
    "No service was affected: no fail-over was needed in the untested period. The "
    "risk was added to the risk register (RSK-044) until the test is done.",
    NULL, NULL, "2026-10-05", NULL, NULL, NULL, NULL },
  { "8.6.1", NULL,
    "CAR-2026-022 Incidents prioritised by the PRI-01 matrix",
    "The six incidents were re-prioritised and their resolution times re-measured "
    "against the correct targets; the customer of INC-60417 was told.",
    "Analysts lowered priorities when customers agreed the work could wait.\n"
    "PRI-01 does not say who may change a priority or why.\n"
    "The ITSM tool lets any analyst edit the priority field.",
    "technology",
    "Service requests were sampled the same way (20 of Jul-Aug): all correctly "
    "classified.",
    "Lock the priority field to the matrix result; allow an override only by a "
    "shift lead, with a reason; add the rule to PRI-01 v3 and brief the desk.",
    "Aisha Merriman", "2026-10-09", "2026-11-13", NULL,
    "40 incidents sampled from the 1,912 closed 12 Oct-10 Nov 2026: all had the "
    "matrix priority; 3 overrides, each by a shift lead with a reason.",
    "verified",
    "Resolution-time figures for Jun-Aug were recalculated and the SLA report "
    "re-issued to the two customers affected.",
    "Fiona Lindqvist", NULL, "2026-09-28", "2026-10-08", NULL, "2026-11-13", NULL },
  { "8.2.6", NULL,
    "CAR-2026-023 Quarterly CMDB reconciliation",
    "The three virtual servers were added to the CMDB on 17 Sep 2026 and a full "
    "reconciliation for Q3 was run (CFA-2026-03).",
    "The Q2 reconciliation was not done.\n"
    "The engineer who ran it left in April and the task was not handed over.\n"
    "The reconciliation was a personal reminder, not a scheduled task.",
    "process",
    "The network device inventory was reconciled too: two switches were missing "
    "and have been added.",
    "Make the reconciliation a recurring task in the ITSM tool assigned to the "
    "hosting team, with the service manager as reviewer.",
    "Owen Castellane", "2026-10-02", "2026-10-23", NULL,
    "CFA-2026-04 of 20 Oct 2026 was raised by the tool and completed on time; a "
    "20-server sample on 23 Oct found every server in the CMDB.",
    "closed",
    "The three servers were checked for missing patches and backups: both in "
    "order, so no other record was wrong because of the gap.",
    "Owen Castellane",
    "The hosting team has no one else who can read the CMDB reports; the quality "
    "manager reviewed the evidence with the owner on 23 Oct 2026.",
    "2026-09-25", "2026-10-01", NULL, "2026-10-23", "2026-10-26" },
  { "8.3.4.1", NULL,
    "CAR-2026-024 Quarterly reviews with the colocation and connectivity suppliers",
    "Review meetings with both suppliers were booked for October.",
    "Two quarterly supplier reviews were skipped in 2026.\n"
    "The supplier manager was covering the service desk during a vacancy.\n"
    "SUP-01 has no deputy for supplier reviews.",
    "process",
    "The two other critical suppliers were checked: their reviews took place.",
    "Hold the missed reviews with contracts CT-102 and CT-107 using Q2 and Q3 "
    "data; name the service manager as deputy in SUP-01 v3.",
    "Harriet Nkemelu", "2026-10-30", "2027-01-31", NULL, NULL, "planned",
    "Supplier performance for Q2 and Q3 was read from the monthly reports: no "
    "breach went unnoticed, so no credit or penalty was missed.",
    NULL, NULL, "2026-10-02", NULL, NULL, NULL, NULL },
  { "7.2", NULL,
    "CAR-2026-025 Competence records for new starters",
    "The three people were assessed against HR-CM-01 on 2 Oct 2026 and the "
    "results recorded.",
    "Three new starters had no record of competence.\n"
    "Training by shadowing was never written down.\n"
    "The onboarding checklist has no step for the competence assessment.",
    "process",
    "All 2026 starters were checked (7): the three found in the audit were the "
    "only gaps.",
    "Add the competence assessment to the onboarding checklist and have the "
    "training log filled in by the team lead at the end of shadowing; the HR "
    "system now blocks closing an onboarding case without it.",
    "Aisha Merriman", "2026-12-18", "2027-01-22",
    "October starter sample (2 people): the checklist step was ticked but no "
    "assessment was filed; team leads did not know where to record it.",
    NULL, "planned",
    "The three people's work since they started was reviewed by their team leads: "
    "no errors traced to missing skills.",
    "Fiona Lindqvist", NULL, "2026-09-29", NULL, "2026-11-02", NULL, NULL },
  { "9.3", NULL,
    "CAR-2026-026 Management review covers every input of MRP-01",
    "Supplier performance and the effectiveness of risk treatments were put on "
    "the agenda of the October review.",
    "Two inputs were deferred at the March review.\n"
    "The agenda was built from the previous minutes, not from MRP-01.\n"
    "MRP-01 lists the inputs but nothing checks them against the agenda.",
    "process",
    "The agendas of the operations and supplier meetings were checked against "
    "their terms of reference: both cover every item they list.",
    "Prepare each review from the input list (now kept in Clausewise) and have "
    "the quality manager confirm every input was covered before the minutes are "
    "approved.",
    "Fiona Lindqvist", "2026-10-22", "2026-11-27", NULL, NULL, "implemented",
    "The October review covered both inputs, so the decisions of 2026 rest on "
    "every input MRP-01 lists.",
    NULL, NULL, "2026-09-30", "2026-10-20", NULL, NULL, NULL },
  { "10.1", NULL,
    "CAR-2026-027 Verify effectiveness before closing corrective actions",
    "The five corrective actions closed without verification were reopened on "
    "22 Sep 2026.",
    "Five corrective actions were closed with no effectiveness check.\n"
    "Records were closed when the work was done to keep the register short.\n"
    "The register tool had no field for the verification or its due date.",
    "technology",
    "All twelve 2026 closures were read during the audit; no others were "
    "affected.",
    "Move the register into Clausewise, which refuses closure without verified "
    "effectiveness; verify the five reopened actions with fresh evidence.",
    "Fiona Lindqvist", "2026-11-06", "2026-12-18", NULL, NULL, "implemented",
    "The five reopened actions were given owners and check dates; none of their "
    "problems had come back.",
    NULL, NULL, "2026-09-25", "2026-11-05", NULL, NULL, NULL },
  { NULL, "complaint",
    "Complaint CMP-2026-031: updates during the 4 Nov outage came too late",
    "The customer's service manager was called on 6 Nov 2026 and given the "
    "major incident report for INC-63120.",
    NULL, NULL, NULL, NULL,
    "Aisha Merriman", "2026-12-04", NULL, NULL, NULL, "open",
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
  { NULL, "incident",
    "INC-61802: a contractor's account stayed active after the contract ended",
    "The account was disabled on 2 Sep 2026; the sign-in log shows no use after "
    "the end date.",
    "The account stayed active for twelve days.\n"
    "HR sends the leavers report weekly, not on the leaving day.\n"
    "Contractors are not in the HR system at all.",
    "information",
    "The other five active contractor accounts were checked against their "
    "contracts: all current.",
    "Give contractor accounts an expiry date equal to the contract end, and have "
    "the operations centre disable accounts on the leaving day from a same-day "
    "HR notice.",
    "Rhys Penhallow", "2026-12-31", "2027-02-26", NULL, NULL, "planned",
    "The sign-in log shows the account was not used after the contract ended: no "
    "data was exposed.",
    NULL, NULL, "2026-09-10", NULL, NULL, NULL, NULL },
  { NULL }
};

/* Management reviews: the October review, approved, and the draft of the
 * review to be held before Stage One. */

static const CwDemoReviewNote october_notes[] = {
  { "previous-review-actions",
    "The March review's two actions (recruit a second service desk lead, renew "
    "the monitoring licence) were both completed in June." },
  { "context-changes",
    "Two customers asked for SD-WAN; a new data protection clause is expected in "
    "the renewal of the largest contract." },
  { "nonconformity-trends",
    "First full audit, so no trend yet; the two majors are at the heart of "
    "certification and must be closed before Stage One." },
  { "corrective-actions",
    "The action plans for the September audit's nonconformities were still being "
    "agreed with their owners and were not yet in the register. The board asked for "
    "overdue actions to be reported to it monthly until Stage Two." },
  { "monitoring-results",
    "The SMS measures were reported monthly since April. Availability held at or "
    "above target for every service; change success rate fell to 91% in August "
    "after the failed firewall change, against a 95% target." },
  { "audit-results",
    "The September audit covered every clause but budgeting and accounting "
    "(8.4.1), left out while the finance manager was on leave; the programme "
    "shows 8.4.1 overdue since July. The quality manager will audit it in "
    "November, after the follow-up of change management." },
  { "customer-feedback",
    "Satisfaction survey Q3: 8.1 out of 10 (Q2: 7.8), 41 responses. Three "
    "complaints, all closed; two about slow updates during incidents." },
  { "supplier-performance",
    "Colocation met its 99.95% power target; connectivity missed its repair time "
    "twice in Q3. Quarterly reviews restart in October (CAR-2026-024)." },
  { "service-performance",
    "All SLAs met in Q3 except first-contact resolution at the service desk: 68% "
    "against a 70% target, for the third month." },
  { "resources",
    "The night shift of the operations centre is one engineer short since "
    "August; overtime covers it." },
  { "risks-opportunities",
    "Risk of a hosting outage without a tested fail-over raised to high. The "
    "treatment for ransomware (immutable backups) was tested in September and "
    "worked." },
  { "improvement-opportunities",
    "Automate capacity figures from monitoring (audit OFI); publish the service "
    "catalogue from one source." },
  { "sms-changes",
    "SD-WAN as a new service option in Q1 2027 will go through service design "
    "and transition." },
  { NULL, NULL }
};

static const CwDemoAttendee october_attendees[] = {
  { "Eleanor Whitcombe", "Managing director", 1 },
  { "Owen Castellane", "Service manager (SMS owner)", 0 },
  { "Fiona Lindqvist", "Quality manager and internal audit lead", 0 },
  { "Tomasz Brennan", "Change and release manager", 0 },
  { "Harriet Nkemelu", "Supplier manager", 0 },
  { "Rhys Penhallow", "Information security officer", 0 },
  { NULL }
};

static const CwDemoDecision october_decisions[] = {
  { "Recruit a second night-shift engineer for the operations centre", "Owen Castellane",
    "2027-01-31", NULL, NULL, "open", "resources" },
  { "Set a time limit for removing leavers' access in ISC-05", "Rhys Penhallow", "2026-11-20",
    "Access removal has no deadline.\nISC-05 says only that it must happen without delay.",
    "Amend ISC-05 to v3: accounts disabled by the end of the last working day; "
    "report exceptions monthly.",
    "planned", "sms-change" },
  { NULL }
};

static const CwDemoReviewNote january_notes[] = {
  { "context-changes",
    "Stage Two on 12 Apr 2027 with Fernhollow Certification Services. Of the two "
    "areas of concern from Stage One, the continuity plan (S1-C2) is still open." },
  { "audit-results",
    "The audit of 8.4.1 promised in October was not held: the change management "
    "follow-up took the November audit days. It must be held and issued before "
    "Stage Two, or the certifier will find a clause the programme never reached." },
  { "resources",
    "Night-shift recruitment: two candidates interviewed; decision due mid-January." },
  { NULL, NULL }
};

static const CwDemoAttendee january_attendees[] = {
  { "Eleanor Whitcombe", "Managing director", 1 },
  { "Owen Castellane", "Service manager (SMS owner)", 0 },
  { "Fiona Lindqvist", "Quality manager and internal audit lead", 0 },
  { "Aisha Merriman", "Service desk lead", 0 },
  { "Declan Ashworth", "Problem manager", 0 },
  { NULL }
};

const CwDemoReview cw_demo_reviews[] = {
  { "2026-10-22", "2026-03-19", "Eleanor Whitcombe", october_attendees, october_notes,
    october_decisions,
    "The SMS remains suitable for the services in scope and adequate in its "
    "processes and people, apart from the night shift. It is not yet effective "
    "where the September audit found majors (emergency changes and continuity "
    "testing): those actions must be implemented and verified before Stage One.",
    "2027-01-28", "Eleanor Whitcombe" },
  { "2027-01-28", NULL, "Eleanor Whitcombe", january_attendees, january_notes, NULL, NULL,
    NULL, NULL },
  { NULL }
};

/* The quality manager's register, as it stands before Stage One: most of
 * what a certifier asks for approved, the objectives and the continuity plan
 * past their review date, the standard-changes list still a draft, and no internal
 * agreements (8.3.4.2) written yet. */
#define INTRANET "https://intranet.kestrelbrook.example/sms/"
const CwDemoRegisterEntry cw_demo_register[] = {
  { "SMS-SCOPE", "Scope of the service management system", "document", "4.3", "1.2",
    "Owen Castellane", "2026-03-02", "2027-03-02", "approved", INTRANET "scope" },
  { "SMS-PROC", "Process map and process descriptions", "document", "4.4, 8.1", "2.0",
    "Owen Castellane", "2026-03-02", "2027-03-02", "approved", INTRANET "processes" },
  { "SM-POL", "Service management policy", "document", "5.2.1", "1.1", "Owen Castellane",
    "2026-03-02", "2027-03-02", "approved", INTRANET "policy" },
  { "RISK-METH", "Risk management method and acceptance criteria", "document", "6.1", "1.0",
    "Rhys Penhallow", "2026-04-20", "2027-04-20", "approved", INTRANET "risk-method" },
  { "SM-OBJ", "Service management objectives 2025-26", "document", "6.2.1", "1.0",
    "Owen Castellane", "2025-10-06", "2026-10-06", "approved", INTRANET "objectives" },
  { "SM-PLAN", "Service management plan", "document", "6.3", "1.3", "Owen Castellane",
    "2026-05-11", "2027-05-11", "approved", INTRANET "plan" },
  { "SVC-REQ", "Service requirements catalogue", "document", "8.2.2", "1.0", "Owen Castellane",
    "2026-05-11", "2027-05-11", "approved", INTRANET "service-requirements" },
  { "SVC-CAT", "Service catalogue", "document", "8.2.4", "4.1", "Aisha Merriman", "2026-06-01",
    "2027-06-01", "approved", INTRANET "catalogue" },
  { "CMDB-TYPES", "Configuration item types and attributes", "document", "8.2.6", "1.1",
    "Tomasz Brennan", "2026-02-16", "2027-02-16", "approved", INTRANET "ci-types" },
  { "SLA-MASTER", "Master service level agreement and customer schedules", "document", "8.3.3",
    "3.0", "Owen Castellane", "2026-01-12", "2027-01-12", "approved", "Contracts folder, SharePoint" },
  { "SUP-CONTRACTS", "Supplier contract register and contracts", "document", "8.3.4.1", "2.2",
    "Harriet Nkemelu", "2026-03-30", "2027-03-30", "approved", "Contracts folder, SharePoint" },
  { "CHG-POL", "Change management policy", "document", "8.5.1.1", "2.1", "Tomasz Brennan",
    "2026-01-19", "2027-01-19", "approved", INTRANET "change-policy" },
  { "CHG-STD", "Catalogue of pre-approved standard changes", "document", "8.5.1.1", "0.4",
    "Tomasz Brennan", NULL, NULL, "draft", INTRANET "standard-changes" },
  { "BCP-01", "Service continuity plan", "document", "8.7.2", "1.4", "Rhys Penhallow",
    "2025-09-29", "2026-09-29", "approved", INTRANET "continuity-plan" },
  { "ISP-01", "Information security policy", "document", "8.7.3.1", "3.0", "Rhys Penhallow",
    "2026-02-02", "2027-02-02", "approved", INTRANET "security-policy" },
  { "IA-PROG", "Internal audit programme 2026-2028", "document", "9.2", "1.0", "Fiona Lindqvist",
    "2026-06-15", "2027-06-15", "approved", "Clausewise workspace, audit programme" },
  { "COMP-REC", "Training and competence records", "record", "7.2", "", "Owen Castellane",
    "2026-01-05", NULL, "approved", "HR system, training module" },
  { "CMDB", "Configuration management database", "record", "8.2.6", "", "Tomasz Brennan",
    "2026-01-05", NULL, "approved", "Service management tool, CMDB" },
  { "COMPLAINTS", "Complaint log", "record", "8.3.2", "", "Aisha Merriman", "2026-01-05", NULL,
    "approved", "Service management tool, complaints queue" },
  { "SUP-DISPUTES", "Supplier performance reviews and disputes", "record", "8.3.4.1", "",
    "Harriet Nkemelu", "2026-01-05", NULL, "approved", "Supplier folder, SharePoint" },
  { "RFC-LOG", "Requests for change", "record", "8.5.1.2, 8.5.1.3", "", "Tomasz Brennan",
    "2026-01-05", NULL, "approved", "Service management tool, change module" },
  { "INC-LOG", "Incident records", "record", "8.6.1", "", "Aisha Merriman", "2026-01-05", NULL,
    "approved", "Service management tool, incident module" },
  { "REQ-LOG", "Service request records", "record", "8.6.2", "", "Aisha Merriman", "2026-01-05",
    NULL, "approved", "Service management tool, request module" },
  { "PRB-LOG", "Problem and known error records", "record", "8.6.3", "", "Declan Ashworth",
    "2026-01-05", NULL, "approved", "Service management tool, problem module" },
  { "AVAIL-REP", "Monthly availability reports", "record", "8.7.1", "", "Owen Castellane",
    "2026-01-05", NULL, "approved", INTRANET "reports/availability" },
  { "BCP-TESTS", "Continuity test reports", "record", "8.7.2", "", "Rhys Penhallow",
    "2026-01-05", NULL, "approved", INTRANET "continuity-tests" },
  { "SEC-INC", "Information security incident records", "record", "8.7.3.3", "",
    "Rhys Penhallow", "2026-01-05", NULL, "approved", "Service management tool, security queue" },
  { "KPI-PACK", "Monthly service measurement pack", "record", "9.1", "", "Owen Castellane",
    "2026-01-05", NULL, "approved", INTRANET "reports/kpi" },
  { "IA-RESULTS", "Internal audit reports and findings", "record", "9.2", "", "Fiona Lindqvist",
    "2026-01-05", NULL, "approved", "Clausewise workspace, audits" },
  { "MR-MINUTES", "Management review minutes", "record", "9.3", "", "Owen Castellane",
    "2026-01-05", NULL, "approved", "Clausewise workspace, reviews" },
  { "CAPA-REG", "Corrective action register", "record", "10.1", "", "Fiona Lindqvist",
    "2026-01-05", NULL, "approved", "Clausewise workspace, actions" },
  { "IMP-REG", "Improvement register", "record", "10.2", "", "Owen Castellane", "2026-01-05",
    NULL, "approved", "Clausewise workspace, actions" },
  { NULL }
};

/* The certification body's Stage One (a document review with a day on
 * site), two months after the internal audit: two areas of concern that
 * echo what the internal audit saw. The document reviews were planned
 * within two weeks and the body accepted that; the continuity plan is
 * still being rewritten, with an action. */
static const CwDemoBodyFinding stage_one_findings[] = {
  { "concern", "S1-C1", "7.5.2",
    "The document register DR-01 gives no planned review date or reviewer for any "
    "document; on 9 Nov 2026 nine documents were past the twelve-month review limit "
    "set by DOC-01.",
    "2026-12-09", "2026-11-20",
    "DR-01 now names a reviewer and a planned review date for every document, and the "
    "nine overdue reviews are booked before the end of January. Fernhollow accepted "
    "the register extract sent on 20 Nov 2026." },
  { "concern", "S1-C2", "8.7.2",
    "The service continuity plan SCP-01 v2 predates the second data centre and is past "
    "its review date; Stage Two will look for a current plan and a record of its test.",
    "2027-01-15", NULL, NULL },
  { NULL }
};

const CwDemoBodyAudit cw_demo_stage_one = {
  .kind = "stage-one",
  .start = "2026-11-09",
  .end = "2026-11-10",
  .lead = "Gwendolyn Ashcombe",
  .reference = "FCS-S1-2026-0412",
  .outcome = "Ready for Stage Two, subject to the two areas of concern; Stage Two "
             "confirmed for 12 Apr 2027.",
  .findings = stage_one_findings,
  .action_owner = "Owen Castellane",
  .action_due = "2027-01-29",
};
