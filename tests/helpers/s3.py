"""An S3-compatible server for the media tests: moto's server mode on a free local port, with one fresh bucket.

The site talks HTTP to it through django-storages exactly as it would to a real bucket; nothing in the app is mocked.
The server keeps its buckets in the test process, so every use gets a bucket of its own.
"""

import json
import uuid
from contextlib import contextmanager
from dataclasses import dataclass

REGION = "eu-north-1"
ACCESS_KEY = "testing-access-key"
SECRET_KEY = "testing-secret-key"


@dataclass(frozen=True)
class Bucket:
    endpoint: str
    name: str
    client: object

    def storage(self):
        """STORAGES["default"] for the test process (arena.settings.test): S3Storage aimed at this bucket."""
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": self.name,
                "endpoint_url": self.endpoint,
                "region_name": REGION,
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
                "default_acl": None,
                "querystring_auth": False,
            },
        }

    def environment(self):
        """The environment that switches arena.settings.production to this bucket (its AWS_* variables)."""
        return {
            "AWS_STORAGE_BUCKET_NAME": self.name,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def size_of(self, key):
        """The stored object's size in bytes (a HEAD request: raises if the object is not there)."""
        return self.client.head_object(Bucket=self.name, Key=key)["ContentLength"]

    def keys(self):
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))


def public_read_policy(name):
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{name}/*"}
        ],
    }


@contextmanager
def s3_bucket():
    """A running moto server with an empty bucket; stopped afterwards."""
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )
        name = f"arena-media-{uuid.uuid4().hex[:12]}"
        client.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
        # Public media (AWS_QUERYSTRING_AUTH off) needs a bucket that lets anyone read its objects, as in production.
        client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
        yield Bucket(endpoint=endpoint, name=name, client=client)
    finally:
        server.stop()
