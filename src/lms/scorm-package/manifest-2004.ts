import { identifier, quizOrganization, scoResources, type ManifestFacts } from './manifest.ts';

/**
 * The manifest of a SCORM 2004 4th edition content package (CAM 3): one organization with one
 * item, whose primary objective is satisfied by measure at the quiz's pass mark (the runtime
 * reports success against the same share), and whose resource is the quiz page as a SCO, listing
 * every file of the package.
 */
export function scorm2004Manifest(facts: ManifestFacts): string {
  const { id, title, passing } = facts;
  const resources = scoResources(facts, 'scormType');
  const base = identifier(id);
  const measure = Math.min(1, Math.max(0, passing)).toFixed(4);
  const sequencing = `        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${base}-passed" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${measure}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${base}" version="1.0"
    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
    xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
    xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
    xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
${quizOrganization(id, title, sequencing)}
${resources}
</manifest>
`;
}
