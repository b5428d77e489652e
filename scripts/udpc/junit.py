# SPDX-License-Identifier: GPL-2.0-only
"""junit.xml from the records: one testcase per rule x family.

classname is the rule id and name the family, so rewording a rule's sentence
keeps its test history.  SKIP is <skipped>; FAIL is <failure> with the first
failed check; ERROR and TIMEOUT are <error>; XFAIL is <skipped> (a <failure>
under strict); XPASS passes with a note in <system-out> (a <failure> under
strict).  The shape is docs/schema/junit.xsd (tests validate with xmllint).
"""

import xml.etree.ElementTree as ET

from . import results as ur


def case_outcome(result, strict):
    """(element name, message) for a result, or None for a plain pass."""
    v, reason = result["verdict"], ur.text_clean(result["reason"])
    failed = [k for k in result["checks"] if not k["ok"]]
    first = (f"{ur.call_short(failed[0]['call'])}: expected {failed[0]['expected']}, "
             f"observed {failed[0]['observed']}") if failed else reason
    if v == "FAIL":
        return "failure", ur.text_clean(first)
    if v in ("ERROR", "TIMEOUT"):
        return "error", f"{v}: {reason}"
    if v == "SKIP":
        return "skipped", reason
    if v == "XFAIL":
        return ("failure" if strict else "skipped"), ur.text_clean(f"XFAIL: {reason}: {first}")
    if v == "XPASS" and strict:
        return "failure", f"XPASS: {reason}"
    return None


def case_element(rule, result, strict):
    case = ET.Element("testcase", classname=rule["id"], name=result["family"],
                      time=f"{result['duration_ms'] / 1000:.3f}")
    outcome = case_outcome(result, strict)
    if outcome:
        kind, message = outcome
        ET.SubElement(case, kind, message=message, type=result["verdict"]).text = \
            "\n".join(ur.text_clean(line) for line in result["transcript"]) or None
    elif result["verdict"] == "XPASS":
        ET.SubElement(case, "system-out").text = f"XPASS: {ur.text_clean(result['reason'])}"
    return case


def properties(doc):
    m, r = doc["machine"], doc["run"]
    props = {"kernel.release": m["kernel_release"], "kernel.version": m["kernel_version"],
             "arch": m["arch"], "distribution": m["distribution"], "tool.version": doc["tool"],
             "date": r["date"], "strict": str(r["selection"]["strict"]).lower(),
             "complete": str(doc["complete"]).lower(), "emulation": r.get("emulation", "none")}
    element = ET.Element("properties")
    for name, value in props.items():
        ET.SubElement(element, "property", name=name, value=ur.text_clean(value))
    return element


def junit_text(doc):
    strict = doc["run"]["selection"]["strict"]
    cases = [case_element(rule, result, strict) for rule, result in ur.records_of(doc)]
    count = {k: sum(1 for c in cases if c.find(k) is not None) for k in ("failure", "error", "skipped")}
    if doc["missing"]:
        missing = ET.Element("testcase", classname="udpconform", name="complete", time="0")
        ET.SubElement(missing, "error", message=f"{len(doc['missing'])} selected records missing",
                      type="INCOMPLETE").text = "\n".join(doc["missing"])
        cases.append(missing)
        count["error"] += 1
    attrs = {"tests": str(len(cases)), "failures": str(count["failure"]),
             "errors": str(count["error"]), "skipped": str(count["skipped"]),
             "time": f"{doc['run']['wall_s']:.3f}"}
    suites = ET.Element("testsuites", name="udpconform", **attrs)
    suite = ET.SubElement(suites, "testsuite", name=f"udpconform.{doc['machine']['kernel_release']}",
                          timestamp=doc["run"]["date"].rstrip("Z"), hostname="localhost", **attrs)
    suite.append(properties(doc))
    suite.extend(cases)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
