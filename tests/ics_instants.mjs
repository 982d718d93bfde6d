// Reads iCalendar files with ical.js (Thunderbird's parser) and prints, as JSON, what it
// understood: each calendar's top-level components and each event's UID, start and end,
// and its title, status, link and description.
// A timed start or end is the UTC instant (ISO 8601, "Z"); an all-day one is the date.
//
//   node tests/ics_instants.mjs <path to ical.js's dist/ical.js> file.ics [file.ics ...]
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [icalPath, ...files] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(icalPath).href)).default;

function moment(time) {
  if (time === null) return null;
  if (time.isDate) return time.toString();  // YYYY-MM-DD
  return time.toJSDate().toISOString().replace(".000Z", "Z");
}

const out = {};
for (const file of files) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  out[file] = {
    name: calendar.name,
    components: calendar.getAllSubcomponents().map((c) => c.name.toUpperCase()),
    events: calendar.getAllSubcomponents("vevent").map((c) => {
      const event = new ICAL.Event(c);
      return {
        uid: event.uid,
        start: moment(event.startDate),
        end: c.hasProperty("dtend") ? moment(event.endDate) : null,
        summary: event.summary,
        status: c.getFirstPropertyValue("status"),
        url: c.getFirstPropertyValue("url"),
        description: event.description,
      };
    }),
  };
}
process.stdout.write(JSON.stringify(out));
