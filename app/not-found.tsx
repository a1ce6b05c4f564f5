import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="narrow">
      <h1>Not Found</h1>
      <p>Sorry, there is nothing at this address.</p>
      <p>
        <Link href="/">Back</Link>
      </p>
    </div>
  );
}
