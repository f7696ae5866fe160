import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { PageInfoModel, totalCountDescription } from './graphql-types';

export interface ConnectionShape<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoModel;
}

/** A Relay-style connection type for `node`: totalCount, edges, nodes and pageInfo. */
export function connectionOf<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${name} with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this item; pass it as `after`.' })
    cursor: string;

    @Field(() => node, { description: 'The item.' })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => Int, { description: totalCountDescription })
    totalCount: number;

    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges: Edge[];

    @Field(() => [node], { description: 'The items of this page.' })
    nodes: T[];

    @Field(() => PageInfoModel, { description: 'Paging information.' })
    pageInfo: PageInfoModel;
  }
  return Connection;
}
