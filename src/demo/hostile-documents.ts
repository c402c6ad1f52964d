// Attacks too big to keep in the repository, made at run time for the tests and `bench --hostile`:
// a PDF whose one page inflates to hundreds of megabytes, a .docx whose zip headers lie about
// its sizes, and messages of many megabytes. Each compresses its payload chunk by chunk, so the
// maker never holds the inflated size itself.
import { createDeflate, createDeflateRaw, crc32 } from 'node:zlib';

const MB = 1024 * 1024;

/** `total` bytes of `unit` repeated, compressed (zlib or raw deflate) without building them whole; with the CRC-32 of the plain bytes. */
async function deflateRepeated(unit: Buffer, total: number, format: 'zlib' | 'raw'): Promise<{ bytes: Buffer; crc: number }> {
  const deflater = format === 'zlib' ? createDeflate({ level: 9 }) : createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise<void>((resolve, reject) => deflater.on('end', resolve).on('error', reject));
  const block = Buffer.alloc(MB, unit);
  let crc = 0;
  for (let written = 0; written < total; written += block.length) {
    const piece = block.subarray(0, Math.min(block.length, total - written));
    crc = crc32(piece, crc);
    if (!deflater.write(piece)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await ended;
  return { bytes: Buffer.concat(out), crc };
}

/** A one-page PDF whose content stream inflates to `inflatedBytes` (default 200 MB) of text operators. */
export async function pdfBomb(inflatedBytes = 200 * MB): Promise<Buffer> {
  const { bytes } = await deflateRepeated(Buffer.from('BT /F1 11 Tf 72 760 Td (How many?) Tj ET\n', 'latin1'), inflatedBytes, 'zlib');
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>'),
    Buffer.concat([Buffer.from(`<< /Length ${bytes.length} /Filter /FlateDecode >>\nstream\n`), bytes, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  let length = chunks[0]!.length;
  const offsets = objects.map((body, i) => {
    const at = length;
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
    return at;
  });
  chunks.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
    + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(chunks);
}

interface ZipEntry {
  name: string;
  data: Buffer;
  crc: number;
  /** What the headers claim the entry unpacks to (a lie, for a bomb). */
  declaredSize: number;
}

/** A .docx whose word/document.xml unpacks to `inflatedBytes` (default 300 MB) while its headers declare 2 KB. */
export async function lyingZipDocx(inflatedBytes = 300 * MB): Promise<Buffer> {
  const plain = (name: string, text: string): Promise<ZipEntry> =>
    deflateRepeated(Buffer.from(text), Buffer.byteLength(text), 'raw').then(({ bytes, crc }) => ({ name, data: bytes, crc, declaredSize: Buffer.byteLength(text) }));
  const body = await deflateRepeated(Buffer.from('<w:p><w:r><w:t>How many requests were received?</w:t></w:r></w:p>'), inflatedBytes, 'raw');
  const entries: ZipEntry[] = [
    await plain('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    await plain('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    { name: 'word/document.xml', data: body.bytes, crc: body.crc, declaredSize: 2048 },
  ];
  return zip(entries);
}

/** A zip (APPNOTE.TXT §4.3) of deflated entries, each with the sizes it declares. */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A request whose letter is attached (so the attachment is read), as raw RFC 5322 bytes. */
export function messageWithAttachment(index: number, attachment: { filename: string; contentType: string; bytes: Buffer }, when = new Date()): Buffer {
  const boundary = `hostile-${index}`;
  return Buffer.from([
    `From: Alex Requester ${index} <alex.requester.${index}@example.org>`, 'To: foi@example.gov.uk', `Subject: Freedom of information request ${index}`,
    `Date: ${when.toUTCString()}`, `Message-ID: <hostile-${index}@example.org>`, 'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`, '',
    `--${boundary}`, 'Content-Type: text/plain; charset=utf-8', '', 'Dear FOI team,', '', 'Please find my request attached.', '', 'Alex', '',
    `--${boundary}`, `Content-Type: ${attachment.contentType}; name="${attachment.filename}"`, 'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${attachment.filename}"`, '', attachment.bytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${boundary}--`, '',
  ].join('\r\n'));
}

/** A plain-text request padded with ordinary prose to about `bytes` bytes (a single huge body). */
export function bigTextMessage(index: number, bytes: number, when = new Date()): Buffer {
  const sentence = 'Please tell me how many potholes were repaired on Mill Road in 2025, and what the repairs cost. ';
  const body = sentence.repeat(Math.ceil(bytes / sentence.length)).slice(0, bytes).replace(/(.{900}) /g, '$1\r\n');
  return Buffer.from([
    'From: Sam Writer <sam.writer@example.org>', 'To: foi@example.gov.uk', `Subject: A very long request ${index}`, `Date: ${when.toUTCString()}`,
    `Message-ID: <hostile-big-${index}@example.org>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'Dear FOI team,', '', body, '',
  ].join('\r\n'));
}

/** About `bytes` bytes of mail: a short request with a large binary attachment that nothing reads. */
export function bigAttachmentMessage(index: number, bytes: number, when = new Date()): Buffer {
  const payload = Buffer.alloc(Math.floor((bytes * 3) / 4), 0x5a);
  return messageWithAttachment(index, { filename: 'archive.bin', contentType: 'application/octet-stream', bytes: payload }, when);
}
