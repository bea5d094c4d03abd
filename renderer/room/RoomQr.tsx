import QRCode from 'qrcode';
import { useMemo } from 'react';

interface RoomQrProps {
  readonly url: string;
  /** Its side in CSS pixels. */
  readonly size: number;
}

/**
 * The join address as a QR code, drawn as one SVG path (sharp at any size, on the projector
 * too). Dark modules on white with the four-module quiet zone phone cameras need.
 */
export const RoomQr = ({ url, size }: RoomQrProps) => {
  const { path, side } = useMemo(() => {
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    const quiet = 4;
    let d = '';
    for (let row = 0; row < modules.size; row++)
      for (let col = 0; col < modules.size; col++)
        if (modules.get(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    return { path: d, side: modules.size + quiet * 2 };
  }, [url]);
  return (
    <svg
      className="room-qr"
      role="img"
      aria-label={`QR code for ${url}`}
      width={size}
      height={size}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
};
