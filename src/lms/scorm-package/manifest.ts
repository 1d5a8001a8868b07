import { percent } from '../scorm-values.ts';

/**
 * The manifest of a SCORM 1.2 content package (CAM 2.3): one organization with one item, whose
 * resource is the quiz page as a SCO, listing every file of the package.
 */

/** The manifest's file name, at the root of every package. */
export const MANIFEST = 'imsmanifest.xml';

/** The SCORM editions a quiz is packaged in. */
export type ScormFormat = '1.2' | '2004';

export interface ManifestFacts {
  /** quiz id (its file name in content/quizzes/) */
  id: string;
  /** plain-text title, shown by the LMS */
  title: string;
  /** share of points needed to pass, 0…1; written as the mastery score in percent */
  passing: number;
  /** package path of the launch page */
  launch: string;
  /** package paths of every file except the manifest */
  files: string[];
}

/** Text for XML content and attributes. */
const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** A package path as an XML attribute holding a URL. */
const href = (path: string) => escapeXml(encodeURI(path));

/** Identifiers are XML IDs: a letter first, then letters, digits, `.`, `-` and `_` only. */
export const identifier = (id: string) => `dropout-lab-${id.replace(/[^A-Za-z0-9._-]/g, '-')}`;

/**
 * The `<resources>` element both editions share: the launch page as a SCO, with every file.
 * `scormType` is the attribute's spelling in the edition (1.2 `scormtype`, 2004 `scormType`).
 */
export function scoResources({ id, launch, files }: ManifestFacts, scormType: 'scormtype' | 'scormType'): string {
  if (!files.includes(launch))
    throw new Error(`${MANIFEST} of "${id}": the launch page ${launch} is not among the files`);
  return `  <resources>
    <resource identifier="${identifier(id)}-sco" type="webcontent" adlcp:${scormType}="sco" href="${href(launch)}">
${files.map((file) => `      <file href="${href(file)}"/>`).join('\n')}
    </resource>
  </resources>`;
}

/**
 * The `<organizations>` element both editions share: one organization whose one item, the quiz,
 * launches the SCO. `rules` is the edition's markup inside the item after its title (1.2 its
 * mastery score, 2004 its sequencing), already indented for that place.
 */
export function quizOrganization(id: string, title: string, rules: string): string {
  const base = identifier(id);
  const name = escapeXml(title);
  return `  <organizations default="${base}-org">
    <organization identifier="${base}-org">
      <title>${name}</title>
      <item identifier="${base}-item" identifierref="${base}-sco" isvisible="true">
        <title>${name}</title>
${rules}
      </item>
    </organization>
  </organizations>`;
}

/** The manifest XML for one quiz's package. */
export function scormManifest(facts: ManifestFacts): string {
  const { id, title, passing } = facts;
  const resources = scoResources(facts, 'scormtype');
  const mastery = `        <adlcp:masteryscore>${percent(passing)}</adlcp:masteryscore>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${identifier(id)}" version="1.0"
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
${quizOrganization(id, title, mastery)}
${resources}
</manifest>
`;
}
